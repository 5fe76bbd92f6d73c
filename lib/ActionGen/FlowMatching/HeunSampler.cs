using ActionGen.Sampling;
using TorchSharp;

namespace ActionGen.FlowMatching;

/// <summary>
/// Heun's method (second order) on the learned ODE in N equal intervals, two network evaluations each: an Euler
/// predictor x̃ = x + h v̂(x, τ), then the corrector x ← x + h/2 · (v̂(x, τ) + v̂(x̃, τ + h)). The grid lists both
/// evaluations of every interval (stage 0 and 1), so NFE = 2N; the predictor's start and slope wait in the
/// <see cref="SamplerMemory"/> of the call.
/// </summary>
public sealed class HeunSampler : Sampler
{
    private readonly SamplerStep[] steps;

    /// <summary>Heun with <paramref name="intervals"/> equal intervals (2 × intervals network evaluations).</summary>
    public HeunSampler(int intervals)
    {
        if (intervals < 1) throw new ArgumentOutOfRangeException(nameof(intervals), intervals, "Heun needs at least 1 interval.");
        Intervals = intervals;
        steps = Enumerable.Range(0, intervals).SelectMany(i =>
        {
            double from = (double)i / intervals, to = (double)(i + 1) / intervals;
            return new[] { new SamplerStep(2 * i, from, to, Stage: 0), new SamplerStep(2 * i + 1, to, to, Stage: 1) };
        }).ToArray();
    }

    /// <summary>N, the number of intervals.</summary>
    public int Intervals { get; }

    /// <inheritdoc />
    public override string Name => $"Heun-{Intervals}";

    /// <inheritdoc />
    public override IReadOnlyList<SamplerStep> Steps => steps;

    /// <inheritdoc />
    public override bool AddsNoise => false;

    /// <inheritdoc />
    public override SamplerMemory? NewMemory() => new();

    /// <inheritdoc />
    public override torch.Tensor Step(torch.Tensor networkOutput, SamplerStep step, torch.Tensor x, torch.Tensor noise, SamplerMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(networkOutput);
        ArgumentNullException.ThrowIfNull(x);
        if (memory is null) throw new ArgumentNullException(nameof(memory), "Heun needs the memory from NewMemory() for its corrector.");
        if (step.Stage == 0)
        {
            memory.Start = x;
            memory.Slope = networkOutput.MoveToOuterDisposeScope();                                 // kept for the corrector
            memory.StartTime = step.Time;
            return x + (step.NextTime - step.Time) * networkOutput;                               // predictor: x̃ = x + h v̂(x, τ)
        }
        if (memory.Start is null || memory.Slope is null) throw new InvalidOperationException("Heun's corrector ran before its predictor.");
        double h = step.Time - memory.StartTime;
        return memory.Start + (h / 2) * (memory.Slope + networkOutput);                            // x ← x + h/2 (v̂(x, τ) + v̂(x̃, τ + h))
    }
}
