using System.Globalization;

namespace ActionGen.Mdn;

/// <summary>How a trained mixture uses its components, over a batch of observations.</summary>
/// <param name="MeanWeight">Per component, its weight πₖ averaged over the batch.</param>
/// <param name="ArgmaxShare">Per component, the share of observations where it is the most likely one.</param>
/// <param name="EffectiveComponents">exp(H(mean weights)): K when all are used equally, 1 when one carries everything.</param>
/// <param name="MinStd">The smallest σ any component has anywhere in the batch (normalised units).</param>
public sealed record MixtureDiagnostics(IReadOnlyList<double> MeanWeight, IReadOnlyList<double> ArgmaxShare, double EffectiveComponents, double MinStd)
{
    /// <summary>Components whose mean weight is below <paramref name="threshold"/>: they carry (almost) no probability.</summary>
    public int UnusedComponents(double threshold = 0.01) => MeanWeight.Count(w => w < threshold);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"K = {MeanWeight.Count}: effective {EffectiveComponents:F2}, unused (< 1 % weight) {UnusedComponents()}, min σ {MinStd:G3}");
}
