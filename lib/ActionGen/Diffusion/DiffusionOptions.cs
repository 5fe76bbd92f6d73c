using System.Text.Json.Serialization;
using ActionGen.Policies;
using ActionGen.Sampling;

namespace ActionGen.Diffusion;

/// <summary>
/// Options of the diffusion policy. Defaults follow Diffusion Policy's state-based Push-T setup and LeRobot:
/// T = 100 noise levels, the cosine (<c>squaredcos_cap_v2</c>) schedule, ε-prediction, x̂₀ clipped to [−1, 1] on
/// min-max-normalised actions, DDPM sampling. The network is a residual MLP with FiLM conditioning
/// (<see cref="ResidualFilmMlp"/>) instead of their 1-D temporal U-Net: the series' actions are short, low-dimensional chunks.
/// </summary>
/// <param name="NoiseLevels">T, the number of noise levels (DP and LeRobot: 100; Ho et al.: 1000). Not optimiser steps.</param>
/// <param name="Schedule">The noise schedule.</param>
/// <param name="Target">What the network predicts: the noise ε (default) or the clean action x₀.</param>
/// <param name="Sampling">How actions are sampled; null means DDPM over all T levels.</param>
/// <param name="Width">Hidden width of the residual blocks.</param>
/// <param name="Blocks">Residual blocks.</param>
/// <param name="TimeEmbedding">Size of the sinusoidal time embedding.</param>
/// <param name="EmaPower">When set, keep an exponential moving average of the weights with Diffusion Policy's warm-up
/// decay 1 − (1 + step)^−power (DP: 0.75), capped at 0.9999, and sample with it. Off by default (as in LeRobot).</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record DiffusionOptions(
    int NoiseLevels = 100,
    NoiseScheduleKind Schedule = NoiseScheduleKind.Cosine,
    NetworkTarget Target = NetworkTarget.Noise,
    DiffusionSampling? Sampling = null,
    int Width = 256,
    int Blocks = 3,
    int TimeEmbedding = 32,
    double? EmaPower = null,
    int Seed = 0) : IPolicyOptions
{
    /// <summary>The sampling in use: <see cref="Sampling"/>, or DDPM when it is null.</summary>
    [JsonIgnore]
    public DiffusionSampling SamplingInUse => Sampling ?? DiffusionSampling.Ddpm();

    /// <summary>The noise schedule these options describe.</summary>
    public NoiseSchedule BuildSchedule() => NoiseSchedule.Of(Schedule, NoiseLevels);

    /// <summary>Throws when an option is out of range or not finite, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NoiseLevels, 2, nameof(NoiseLevels));
        if (!Enum.IsDefined(Schedule)) throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, "Unknown noise schedule.");
        if (Target is not (NetworkTarget.Noise or NetworkTarget.CleanAction))
            throw new ArgumentOutOfRangeException(nameof(Target), Target, "A diffusion network predicts the noise or the clean action.");
        SamplingInUse.Validate(NoiseLevels);
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfNegative(Blocks, nameof(Blocks));
        if (TimeEmbedding < 2 || TimeEmbedding % 2 != 0) throw new ArgumentOutOfRangeException(nameof(TimeEmbedding), TimeEmbedding, "The time embedding needs an even size ≥ 2.");
        if (EmaPower is double power) OptionChecks.Positive(power, nameof(EmaPower));
    }
}
