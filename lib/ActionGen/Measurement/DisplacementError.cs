namespace ActionGen.Measurement;

/// <summary>minADE@K and minFDE@K over a set of test states, with the per-state values behind the means.</summary>
/// <param name="K">Samples per state the minimum was taken over.</param>
/// <param name="MinAde">Mean over states of min_k ADE(ŷ_k, y).</param>
/// <param name="MinFde">Mean over states of min_k FDE(ŷ_k, y).</param>
/// <param name="MinAdeByState">min_k ADE at each state.</param>
/// <param name="MinFdeByState">min_k FDE at each state.</param>
public sealed record DisplacementError(int K, double MinAde, double MinFde, IReadOnlyList<double> MinAdeByState, IReadOnlyList<double> MinFdeByState)
{
    /// <summary>Test states measured.</summary>
    public int States => MinAdeByState.Count;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"minADE@{K} {MinAde:F2}, minFDE@{K} {MinFde:F2} over {States} states");
}
