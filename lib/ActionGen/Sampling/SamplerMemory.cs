using TorchSharp;

namespace ActionGen.Sampling;

/// <summary>
/// What a multi-stage sampler carries from one network evaluation to the next within one sampling call (Heun keeps
/// its predictor's start and slope here). Made fresh by <see cref="Sampler.NewMemory"/> for every call.
/// </summary>
public sealed class SamplerMemory
{
    /// <summary>x at the start of the current interval.</summary>
    public torch.Tensor? Start { get; set; }

    /// <summary>The slope measured at the start of the current interval.</summary>
    public torch.Tensor? Slope { get; set; }

    /// <summary>The time at the start of the current interval.</summary>
    public double StartTime { get; set; }
}
