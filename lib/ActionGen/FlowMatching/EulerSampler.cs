using ActionGen.Sampling;
using TorchSharp;

namespace ActionGen.FlowMatching;

/// <summary>
/// Euler's method on the learned ODE dx/dτ = v_θ(x, τ, s) from τ = 0 (noise) to τ = 1 (data) in N equal steps:
/// x ← x + Δτ · v̂. π0 uses N = 10. Deterministic given the start, like DDIM with η = 0 (which is Euler's method on
/// the probability-flow ODE in another parameterisation).
/// </summary>
public sealed class EulerSampler : Sampler
{
    private readonly SamplerStep[] steps;

    /// <summary>Euler with <paramref name="steps"/> equal steps.</summary>
    public EulerSampler(int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Euler needs at least 1 step.");
        this.steps = Enumerable.Range(0, steps).Select(i => new SamplerStep(i, (double)i / steps, (double)(i + 1) / steps)).ToArray();
    }

    /// <inheritdoc />
    public override string Name => $"Euler-{steps.Length}";

    /// <inheritdoc />
    public override IReadOnlyList<SamplerStep> Steps => steps;

    /// <inheritdoc />
    public override bool AddsNoise => false;

    /// <inheritdoc />
    public override torch.Tensor Step(torch.Tensor networkOutput, SamplerStep step, torch.Tensor x, torch.Tensor noise, SamplerMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(networkOutput);
        ArgumentNullException.ThrowIfNull(x);
        return x + (step.NextTime - step.Time) * networkOutput;                                   // x_{τ+Δ} = x_τ + Δτ · v̂(x_τ, τ)
    }
}
