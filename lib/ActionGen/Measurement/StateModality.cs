namespace ActionGen.Measurement;

/// <summary>The multimodality measurement at one test state.</summary>
/// <param name="Index">The test state's index in the list measured.</param>
/// <param name="Neighbourhood">The nearby human chunks.</param>
/// <param name="Split">Their two-means split, or null when too few neighbours were found to measure.</param>
public sealed record StateModality(int Index, ChunkNeighbourhood Neighbourhood, ChunkClusterSplit? Split)
{
    /// <summary>True when enough neighbours were found to cluster.</summary>
    public bool Measured => Split is not null;

    /// <summary>True when the nearby human chunks form two well-separated clusters.</summary>
    public bool IsMultimodal => Split?.IsWellSeparated == true;
}
