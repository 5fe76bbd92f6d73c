using System.Text.Json.Serialization;
using ActionGen.Policies;

namespace ActionGen.Mdn;

/// <summary>
/// Options of the mixture density network. The defaults are the stable recipe: log-space likelihood,
/// softplus σ with a floor, tanh-bounded means — robomimic's GMM actor, with K = 5 as its default <c>num_modes</c>.
/// </summary>
/// <param name="Components">K, the number of mixture components (robomimic: 5; IBC's MDN baseline: 26).</param>
/// <param name="HiddenWidths">Trunk widths (default [256, 256]).</param>
/// <param name="Std">σ parameterisation (default softplus + min σ, robomimic).</param>
/// <param name="MinStd">The floor added to σ. robomimic's config default is 1e-4 (its class default 0.01); the series
/// uses 1e-3 on [−1, 1]-normalised actions, about a quarter of the demonstrations' noise, so σ cannot collapse below what the data can support.</param>
/// <param name="LogStdClamp">Clamp log σ to [−c, c] when set (an extra guard some implementations add); null disables.</param>
/// <param name="TanhMeans">Pass means through tanh so they stay in the normalised action range (robomimic).</param>
/// <param name="StableLikelihood">Log-space NLL with log-sum-exp (true) or the naive probability-space one (false).</param>
/// <param name="Sampling">How actions are produced at run time.</param>
/// <param name="WeightTemperature">Divide logits by this before sampling a component (IBC uses a temperature); 1 = unchanged.</param>
/// <param name="StdScale">Multiply σ by this when sampling; 0 takes the sampled component's mean.</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record MdnOptions(
    int Components = 5,
    IReadOnlyList<int>? HiddenWidths = null,
    StdParameterization Std = StdParameterization.SoftplusPlusMin,
    double MinStd = 1e-3,
    double? LogStdClamp = null,
    bool TanhMeans = true,
    bool StableLikelihood = true,
    MixtureSampling Sampling = MixtureSampling.Sample,
    double WeightTemperature = 1.0,
    double StdScale = 1.0,
    int Seed = 0) : IPolicyOptions
{
    /// <summary>The trunk widths in use.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Widths => HiddenWidths ?? [256, 256];

    /// <summary>The naive recipe: exp σ without a floor, unbounded means, probability-space likelihood.</summary>
    public static MdnOptions Naive(int components = 5, int seed = 0) =>
        new(components, Std: StdParameterization.Exp, MinStd: 0, TanhMeans: false, StableLikelihood: false, Seed: seed);

    /// <summary>Throws when an option is out of range or not finite, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Components, 1, nameof(Components));
        OptionChecks.Widths(Widths, nameof(HiddenWidths));
        OptionChecks.NonNegative(MinStd, nameof(MinStd));
        if (LogStdClamp is double clamp) OptionChecks.Positive(clamp, nameof(LogStdClamp));
        OptionChecks.Positive(WeightTemperature, nameof(WeightTemperature));
        OptionChecks.NonNegative(StdScale, nameof(StdScale));
        if (!Enum.IsDefined(Std)) throw new ArgumentOutOfRangeException(nameof(Std), Std, "Unknown σ parameterisation.");
        if (!Enum.IsDefined(Sampling)) throw new ArgumentOutOfRangeException(nameof(Sampling), Sampling, "Unknown sampling mode.");
    }
}
