namespace ActionGen.Measurement;

/// <summary>
/// minADE@K and minFDE@K, the offline metrics of multimodal trajectory forecasting (Social GAN's best-of-K, Trajectron++,
/// the Argoverse and nuScenes prediction benchmarks), over predicted action chunks. At test state i with human chunk
/// y_i and K sampled chunks ŷ_{i,1..K}:
/// ADE(ŷ, y) = (1/H) Σ_h ‖ŷ_h − y_h‖,  FDE(ŷ, y) = ‖ŷ_{H−1} − y_{H−1}‖,
/// minADE@K = (1/N) Σ_i min_k ADE(ŷ_{i,k}, y_i), and minFDE@K likewise, each minimum taken on its own (Argoverse instead
/// takes the ADE of the sample with the smallest FDE). With K = 1 one guess must sit near every possible human chunk at
/// once, so the metric favours a point between the modes (the minimiser of the expected distance, near the conditional
/// mean MSE learns); with larger K it favours covering every mode, since one sample near the mode the human took is enough.
/// </summary>
public static class MinDisplacementError
{
    /// <summary>
    /// The metrics for <paramref name="samples"/>[i] (K chunks at state i) against <paramref name="truth"/>[i] (the
    /// held-out human chunk). When <paramref name="k"/> is given, only the first k samples of each state count, so one
    /// draw of 20 samples gives @1, @5 and @20.
    /// </summary>
    /// <exception cref="ArgumentException">No states, counts that differ, a state with fewer than K (or no) samples, or chunks of different shapes.</exception>
    public static DisplacementError Compute(IReadOnlyList<IReadOnlyList<double[]>> samples, IReadOnlyList<double[]> truth, int stepDim, int? k = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(truth);
        if (samples.Count == 0) throw new ArgumentException("Expected at least one test state, got none.", nameof(samples));
        if (samples.Count != truth.Count) throw new ArgumentException($"Expected one set of samples per human chunk, got {samples.Count} sets and {truth.Count} human chunks.", nameof(samples));
        if (k is < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1: the minimum is over K samples.");
        int length = ChunkDistance.StepsIn(truth[0]?.Length ?? 0, stepDim, "human chunk 0") * stepDim;
        int kUsed = k ?? samples[0]?.Count ?? 0;
        if (kUsed < 1) throw new ArgumentException("Expected K ≥ 1 samples at each state, got 0 at state 0.", nameof(samples));

        var ade = new double[samples.Count];
        var fde = new double[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var atState = samples[i] ?? throw new ArgumentException($"The samples at state {i} are null.", nameof(samples));
            if (k is null && atState.Count != kUsed)
                throw new ArgumentException($"Expected the same K at every state ({kUsed}, as at state 0), got {atState.Count} at state {i}.", nameof(samples));
            if (atState.Count < kUsed)
                throw new ArgumentException($"Expected at least K = {kUsed} samples at each state, got {atState.Count} at state {i}.", nameof(samples));
            if (truth[i] is null || truth[i].Length != length)
                throw new ArgumentException($"Expected human chunk {i} to hold {length} numbers, got {truth[i]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.", nameof(truth));
            (ade[i], fde[i]) = (double.PositiveInfinity, double.PositiveInfinity);
            for (int s = 0; s < kUsed; s++)
            {
                if (atState[s] is null || atState[s].Length != length)
                    throw new ArgumentException($"Expected sample {s} at state {i} to hold {length} numbers like the human chunk, got {atState[s]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.", nameof(samples));
                ade[i] = Math.Min(ade[i], ChunkDistance.Average(atState[s], truth[i], stepDim)); // min_k ADE(ŷ_{i,k}, y_i)
                fde[i] = Math.Min(fde[i], ChunkDistance.Final(atState[s], truth[i], stepDim));   // min_k FDE(ŷ_{i,k}, y_i)
            }
        }
        return new DisplacementError(kUsed, ade.Average(), fde.Average(), ade, fde);       // (1/N) Σ_i
    }
}
