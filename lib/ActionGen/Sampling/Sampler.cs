using System.Diagnostics.CodeAnalysis;
using TorchSharp;

namespace ActionGen.Sampling;

/// <summary>
/// The one design every iterative method shares (DDPM, DDIM, flow matching's Euler and Heun): a sampler owns its time
/// grid and one update, <c>x ← Step(network output, step, x, noise)</c>. What the network outputs (ε, x₀ or a velocity)
/// is the sampler's business, as in diffusers' schedulers, so a policy only evaluates its network where the grid says.
/// </summary>
public abstract class Sampler
{
    /// <summary>A short name with the step count, e.g. "DDIM-10" or "Euler-4".</summary>
    public abstract string Name { get; }

    /// <summary>The network evaluations of one sampling call, in order.</summary>
    public abstract IReadOnlyList<SamplerStep> Steps { get; }

    /// <summary>Network evaluations per sample (NFE): the cost of one action chunk.</summary>
    public int NetworkEvaluations => Steps.Count;

    /// <summary>True when the updates themselves add fresh noise (DDPM, DDIM with η &gt; 0); the start is random either way.</summary>
    public abstract bool AddsNoise { get; }

    /// <summary>Fresh memory for one sampling call; null for samplers that need none.</summary>
    public virtual SamplerMemory? NewMemory() => null;

    /// <summary>
    /// The update for grid entry <paramref name="step"/>: from x at <see cref="SamplerStep.Time"/> and the network's output
    /// there to x at <see cref="SamplerStep.NextTime"/>. <paramref name="noise"/> is a fresh N(0, I) draw shaped like x,
    /// used only by samplers that add noise.
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "A sampler's step, as in diffusers' scheduler.step(); C# is the only consumer.")]
    public abstract torch.Tensor Step(torch.Tensor networkOutput, SamplerStep step, torch.Tensor x, torch.Tensor noise, SamplerMemory? memory = null);

    /// <summary>What the last update's result becomes (e.g. clipped to the action range); unchanged by default.</summary>
    public virtual torch.Tensor Finish(torch.Tensor x) => x;

    /// <inheritdoc />
    public override string ToString() => Name;
}
