namespace ActionGen.Measurement;

/// <summary>The training states near one test state and their next chunks: the nearby human chunks.</summary>
/// <param name="Rows">The training rows, nearest first.</param>
/// <param name="Distances">Their normalised state distances to the test state.</param>
/// <param name="Chunks">Their next chunks (the humans' actions from there).</param>
/// <param name="Measured">True when there are at least the options' minimum number of neighbours.</param>
public sealed record ChunkNeighbourhood(IReadOnlyList<int> Rows, IReadOnlyList<double> Distances, IReadOnlyList<double[]> Chunks, bool Measured)
{
    /// <summary>Neighbours found.</summary>
    public int Count => Rows.Count;
}
