using System.Text.Json.Serialization;
using ActionGen.Policies;

namespace ActionGen.FlowMatching;

/// <summary>
/// Options of the flow-matching policy. Defaults follow π0's action expert (Black et al. 2024; openpi's pi0.py) and
/// LeRobot's flow-matching policies (pi0, SmolVLA: <c>num_steps = 10</c>, time Beta(1.5, 1) · 0.999 + 0.001): the
/// linear path, π0's Beta time sampling, 10 Euler steps. The network is the same <see cref="ResidualFilmMlp"/> as
/// the diffusion policy's, so the two differ only in what they regress and how they sample.
/// </summary>
/// <param name="TimeSampling">How training draws τ.</param>
/// <param name="Sampling">How actions are sampled; null means 10 Euler steps.</param>
/// <param name="Width">Hidden width of the residual blocks.</param>
/// <param name="Blocks">Residual blocks.</param>
/// <param name="TimeEmbedding">Size of the sinusoidal time embedding (of 1000 τ, the range of diffusion's timesteps).</param>
/// <param name="EmaPower">When set, keep an EMA of the weights (as <c>DiffusionOptions.EmaPower</c>) and sample with it.</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record FlowMatchingOptions(
    FlowTimeSampling TimeSampling = FlowTimeSampling.Pi0Beta,
    FlowSampling? Sampling = null,
    int Width = 256,
    int Blocks = 3,
    int TimeEmbedding = 32,
    double? EmaPower = null,
    int Seed = 0) : IPolicyOptions
{
    /// <summary>The sampling in use: <see cref="Sampling"/>, or 10 Euler steps when it is null.</summary>
    [JsonIgnore]
    public FlowSampling SamplingInUse => Sampling ?? FlowSampling.Euler(10);

    /// <summary>Throws when an option is out of range or not finite, naming it.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(TimeSampling)) throw new ArgumentOutOfRangeException(nameof(TimeSampling), TimeSampling, "Unknown time sampling.");
        SamplingInUse.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfNegative(Blocks, nameof(Blocks));
        if (TimeEmbedding < 2 || TimeEmbedding % 2 != 0) throw new ArgumentOutOfRangeException(nameof(TimeEmbedding), TimeEmbedding, "The time embedding needs an even size ≥ 2.");
        if (EmaPower is double power) OptionChecks.Positive(power, nameof(EmaPower));
    }
}
