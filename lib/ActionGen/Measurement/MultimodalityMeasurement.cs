namespace ActionGen.Measurement;

/// <summary>
/// Are the demonstrators multimodal? At each test state: find the nearby human chunks (<see cref="NearbyChunks"/>: the
/// training states within a radius in the normalised state space, one per episode), split their next chunks with
/// two-means (<see cref="ChunkClustering"/>), and call the state multimodal when the two clusters are well separated
/// (<see cref="SeparationCriterion"/>). States with too few neighbours are reported as not measured, not as unimodal.
/// </summary>
public static class MultimodalityMeasurement
{
    /// <summary>Measures every state of <paramref name="states"/> (raw, as the training states were given).</summary>
    public static MultimodalityReport Measure(NearbyChunks nearby, IReadOnlyList<double[]> states, SeparationCriterion? criterion = null)
    {
        ArgumentNullException.ThrowIfNull(nearby);
        ArgumentNullException.ThrowIfNull(states);
        criterion ??= new SeparationCriterion();
        criterion.Validate();
        var measured = new StateModality[states.Count];
        for (int i = 0; i < states.Count; i++)
        {
            var neighbourhood = nearby.Around(states[i]);
            var split = neighbourhood.Measured ? ChunkClustering.TwoMeans(neighbourhood.Chunks, nearby.StepDim, criterion) : null;
            measured[i] = new StateModality(i, neighbourhood, split);
        }
        return new MultimodalityReport(measured, nearby.Options, criterion);
    }
}
