using ActionGen.Sampling;
using TorchSharp;

namespace ActionGen.Diffusion;

/// <summary>
/// DDPM (Ho et al. 2020): every one of the T reverse steps, t = T−1 … 0, each a draw from the posterior
/// q(x_{t−1} | x_t, x̂₀) with x̂₀ recovered from the network's output.
/// </summary>
public sealed class DdpmSampler : Sampler
{
    private readonly SamplerStep[] steps;

    /// <summary>A DDPM sampler over <paramref name="schedule"/> for a network trained to output <paramref name="target"/>.</summary>
    public DdpmSampler(NoiseSchedule schedule, NetworkTarget target, bool clipSample = true, DdpmVariance variance = DdpmVariance.Posterior)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (target is not (NetworkTarget.Noise or NetworkTarget.CleanAction))
            throw new ArgumentOutOfRangeException(nameof(target), target, "DDPM needs a network that predicts the noise or the clean action.");
        Schedule = schedule;
        Target = target;
        ClipSample = clipSample;
        Variance = variance;
        steps = Enumerable.Range(0, schedule.Steps).Reverse().Select((t, i) => new SamplerStep(i, t, t - 1)).ToArray();
    }

    /// <summary>The noise schedule.</summary>
    public NoiseSchedule Schedule { get; }

    /// <summary>What the network outputs.</summary>
    public NetworkTarget Target { get; }

    /// <summary>Clip x̂₀ to [−1, 1] at every step, and the result.</summary>
    public bool ClipSample { get; }

    /// <summary>The variance added at each step.</summary>
    public DdpmVariance Variance { get; }

    /// <inheritdoc />
    public override string Name => $"DDPM-{Schedule.Steps}";

    /// <inheritdoc />
    public override IReadOnlyList<SamplerStep> Steps => steps;

    /// <inheritdoc />
    public override bool AddsNoise => true;

    /// <inheritdoc />
    public override torch.Tensor Step(torch.Tensor networkOutput, SamplerStep step, torch.Tensor x, torch.Tensor noise, SamplerMemory? memory = null)
    {
        int t = (int)step.Time;
        var x0 = ReverseStep.CleanAction(Schedule, x, networkOutput, Target, t, ClipSample);
        return ReverseStep.DdpmFromCleanAction(Schedule, x, x0, t, noise, Variance);
    }

    /// <inheritdoc />
    public override torch.Tensor Finish(torch.Tensor x) => ClipSample ? x.clamp(-1, 1) : x;
}
