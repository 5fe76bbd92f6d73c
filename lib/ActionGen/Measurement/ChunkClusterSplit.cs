namespace ActionGen.Measurement;

/// <summary>A two-way split of a set of chunks and how well separated its halves are.</summary>
/// <param name="Assignments">The cluster (0 or 1) of each chunk, in input order.</param>
/// <param name="Centres">The two cluster centres (mean chunks), flat.</param>
/// <param name="Sizes">Chunks in each cluster.</param>
/// <param name="Spreads">Each cluster's spread s = mean chunk distance of its members to its centre.</param>
/// <param name="Gap">Δ, the chunk distance between the two centres.</param>
/// <param name="Ratio">Δ / (s_A + s_B): infinite when both clusters are single points apart, 0 when they coincide.</param>
/// <param name="IsWellSeparated">True when the split meets the <see cref="SeparationCriterion"/> it was judged by.</param>
public sealed record ChunkClusterSplit(
    IReadOnlyList<int> Assignments, IReadOnlyList<double[]> Centres, IReadOnlyList<int> Sizes, IReadOnlyList<double> Spreads, double Gap, double Ratio, bool IsWellSeparated)
{
    /// <summary>The clusters found: 2 when the split is well separated, else 1.</summary>
    public int ClusterCount => IsWellSeparated ? 2 : 1;
}
