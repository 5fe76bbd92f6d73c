namespace ActionGen.Measurement;

/// <summary>
/// The mode-averaging rate: the share of predicted chunks that lie farther from every nearby human chunk than those
/// human chunks lie from one another. With the nearby human chunks n_1, …, n_m (m ≥ 2) at a state and the chunk
/// distance d (<see cref="ChunkDistance.Average"/>), each human chunk gets the radius of its nearest fellow,
/// r_i = min_{j≠i} d(n_i, n_j), and a predicted chunk p is flagged when it lies outside every such ball:
/// d(p, n_i) &gt; r_i for all i. This is one minus the k-NN precision of generative-model evaluation (Kynkäänniemi et al.,
/// NeurIPS 2019) with k = 1, on the local set of human chunks: a chunk between two separated clusters is farther from
/// each member than that member's cluster-mate and is flagged; a chunk inside a cluster is not. A chunk with no human
/// chunk near it for another reason (an outlier) is flagged too, so the rate reads as mode averaging where the human
/// chunks are multimodal. A sampler drawing exactly from the humans' distribution is flagged rarely but not never (a
/// new draw can land beyond the outermost ball): measure the held-out human chunks the same way for that floor.
/// </summary>
public static class ModeAveraging
{
    /// <summary>r_i = min_{j≠i} d(n_i, n_j) for each human chunk.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 human chunks, or chunks of different shapes.</exception>
    public static double[] SupportRadii(IReadOnlyList<double[]> human, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (human.Count < 2) throw new ArgumentException($"Expected at least 2 human chunks (a radius is the distance to the nearest other one), got {human.Count}.", nameof(human));
        ChunkDistance.CheckSameShape(human, stepDim, "the human chunks");
        var radii = Enumerable.Repeat(double.PositiveInfinity, human.Count).ToArray();
        for (int i = 0; i < human.Count; i++)
        {
            for (int j = i + 1; j < human.Count; j++)
            {
                double d = ChunkDistance.Average(human[i], human[j], stepDim);
                radii[i] = Math.Min(radii[i], d);                              // r_i = min_{j≠i} d(n_i, n_j)
                radii[j] = Math.Min(radii[j], d);
            }
        }
        return radii;
    }

    /// <summary>True when <paramref name="predicted"/> lies outside every ball B(n_i, r_i): d(p, n_i) &gt; r_i for all i.</summary>
    public static bool IsOutsideHumanSupport(double[] predicted, IReadOnlyList<double[]> human, IReadOnlyList<double> radii, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(human);
        ArgumentNullException.ThrowIfNull(radii);
        if (radii.Count != human.Count) throw new ArgumentException($"Expected one radius per human chunk ({human.Count}), got {radii.Count}.", nameof(radii));
        for (int i = 0; i < human.Count; i++)
        {
            if (ChunkDistance.Average(predicted, human[i], stepDim) <= radii[i]) return false; // inside B(n_i, r_i)
        }
        return true;                                                           // ∀i: d(p, n_i) > r_i
    }

    /// <summary>The rate over test states: <paramref name="predicted"/>[i] are the chunks sampled at state i, <paramref name="human"/>[i] the nearby human chunks there.</summary>
    /// <exception cref="ArgumentException">No states, counts that differ, a state with no predicted chunk or fewer than 2 human chunks, or chunks of different shapes.</exception>
    public static ModeAveragingRate Rate(IReadOnlyList<IReadOnlyList<double[]>> predicted, IReadOnlyList<IReadOnlyList<double[]>> human, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(human);
        if (predicted.Count == 0) throw new ArgumentException("Expected at least one test state, got none.", nameof(predicted));
        if (predicted.Count != human.Count) throw new ArgumentException($"Expected one set of human chunks per state, got {predicted.Count} predicted sets and {human.Count} human sets.", nameof(human));
        var byState = new double[predicted.Count];
        int flagged = 0, total = 0;
        for (int i = 0; i < predicted.Count; i++)
        {
            var atState = predicted[i] ?? throw new ArgumentException($"The predicted chunks at state {i} are null.", nameof(predicted));
            if (atState.Count < 1) throw new ArgumentException($"Expected K ≥ 1 predicted chunks at each state, got 0 at state {i}.", nameof(predicted));
            var neighbours = human[i] ?? throw new ArgumentException($"The human chunks at state {i} are null.", nameof(human));
            if (neighbours.Count < 2) throw new ArgumentException($"Expected at least 2 human chunks at each state, got {neighbours.Count} at state {i}.", nameof(human));
            int length = ChunkDistance.CheckSameShape(neighbours, stepDim, $"the human chunks at state {i}") * stepDim;
            if (atState.Any(p => p is null || p.Length != length))
                throw new ArgumentException($"Expected every predicted chunk at state {i} to hold {length} numbers like the human chunks.", nameof(predicted));
            var radii = SupportRadii(neighbours, stepDim);
            int outside = atState.Count(p => IsOutsideHumanSupport(p, neighbours, radii, stepDim));
            byState[i] = (double)outside / atState.Count;                     // |F_i| / K_i
            flagged += outside;
            total += atState.Count;
        }
        return new ModeAveragingRate((double)flagged / total, flagged, total, byState); // Σ_i |F_i| / Σ_i K_i
    }
}
