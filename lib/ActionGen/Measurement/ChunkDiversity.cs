namespace ActionGen.Measurement;

/// <summary>
/// How spread out a set of chunks is: the mean pairwise chunk distance, (2 / (n(n−1))) Σ_{i&lt;j} d(c_i, c_j), with d the
/// average displacement (<see cref="ChunkDistance.Average"/>). Measured on a policy's K samples at a state and on the
/// nearby human chunks at the same state, it says whether the policy spreads as widely as the humans do: 0 for a
/// deterministic policy, the human value for a sampler that matches them.
/// </summary>
public static class ChunkDiversity
{
    /// <summary>The mean pairwise distance of <paramref name="chunks"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 chunks, or chunks of different shapes.</exception>
    public static double MeanPairwiseDistance(IReadOnlyList<double[]> chunks, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count < 2) throw new ArgumentException($"Expected at least 2 chunks for a pairwise distance, got {chunks.Count}.", nameof(chunks));
        ChunkDistance.CheckSameShape(chunks, stepDim, "the chunks");
        double sum = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            for (int j = i + 1; j < chunks.Count; j++) sum += ChunkDistance.Average(chunks[i], chunks[j], stepDim); // Σ_{i<j} d(c_i, c_j)
        }
        return 2 * sum / (chunks.Count * (chunks.Count - 1.0));                                                        // 2/(n(n−1)) Σ_{i<j}
    }

    /// <summary>The mean over states of the per-state mean pairwise distance.</summary>
    /// <exception cref="ArgumentException">No states, or a state with fewer than 2 chunks.</exception>
    public static double MeanOverStates(IReadOnlyList<IReadOnlyList<double[]>> chunksByState, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(chunksByState);
        if (chunksByState.Count == 0) throw new ArgumentException("Expected at least one state, got none.", nameof(chunksByState));
        return chunksByState.Average(c => MeanPairwiseDistance(c, stepDim));
    }
}
