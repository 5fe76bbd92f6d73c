namespace ActionGen.Measurement;

/// <summary>
/// Two-means clustering of action chunks, then a test of whether the two clusters are well separated
/// (<see cref="SeparationCriterion"/>). Lloyd's algorithm on the flat chunks (squared Euclidean distance, centres are
/// mean chunks), started deterministically from the two chunks farthest apart, run until no chunk changes cluster.
/// Two-means always splits; the separation test decides whether the split found two modes or cut one in half.
/// </summary>
public static class ChunkClustering
{
    private const int MaxIterations = 100;

    /// <summary>Splits <paramref name="chunks"/> in two and judges the split by <paramref name="criterion"/> (defaults if null).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 chunks, or chunks of different shapes.</exception>
    public static ChunkClusterSplit TwoMeans(IReadOnlyList<double[]> chunks, int stepDim, SeparationCriterion? criterion = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        criterion ??= new SeparationCriterion();
        criterion.Validate();
        if (chunks.Count < 2) throw new ArgumentException($"Expected at least 2 chunks to split in two, got {chunks.Count}.", nameof(chunks));
        int length = ChunkDistance.CheckSameShape(chunks, stepDim, "the chunks") * stepDim;

        var (first, second) = FarthestPair(chunks);
        double[][] centres = [(double[])chunks[first].Clone(), (double[])chunks[second].Clone()];
        var assignments = new int[chunks.Count];
        for (int i = 0; i < chunks.Count; i++) assignments[i] = i == second ? 1 : 0;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < chunks.Count; i++)
            {
                int nearer = SquaredDistance(chunks[i], centres[1]) < SquaredDistance(chunks[i], centres[0]) ? 1 : 0; // argmin_c ‖x_i − μ_c‖²
                changed |= nearer != assignments[i];
                assignments[i] = nearer;
            }
            for (int c = 0; c < 2; c++)
            {
                var members = Enumerable.Range(0, chunks.Count).Where(i => assignments[i] == c).ToList();
                if (members.Count == 0) continue;                                  // keep an emptied cluster's centre
                for (int d = 0; d < length; d++) centres[c][d] = members.Average(i => chunks[i][d]); // μ_c = mean of its members
            }
            if (!changed && iteration > 0) break;
        }

        int[] sizes = [assignments.Count(a => a == 0), assignments.Count(a => a == 1)];
        double[] spreads = new double[2];
        for (int c = 0; c < 2; c++)
        {
            var members = Enumerable.Range(0, chunks.Count).Where(i => assignments[i] == c).ToList();
            spreads[c] = members.Count == 0 ? 0 : members.Average(i => ChunkDistance.Average(chunks[i], centres[c], stepDim)); // s_c = mean d(x_i, μ_c)
        }
        double gap = ChunkDistance.Average(centres[0], centres[1], stepDim);                                                   // Δ = d(μ_A, μ_B)
        double spread = spreads[0] + spreads[1];
        double ratio = spread > 0 ? gap / spread : gap > 0 ? double.PositiveInfinity : 0;                                      // Δ / (s_A + s_B)
        bool separated = sizes.Min() >= criterion.MinClusterSize && ratio >= criterion.MinRatio;                               // Δ ≥ λ (s_A + s_B)
        return new ChunkClusterSplit(assignments, centres, sizes, spreads, gap, ratio, separated);
    }

    private static (int First, int Second) FarthestPair(IReadOnlyList<double[]> chunks)
    {
        (int first, int second, double farthest) = (0, 1, -1.0);
        for (int i = 0; i < chunks.Count; i++)
        {
            for (int j = i + 1; j < chunks.Count; j++)
            {
                double d = SquaredDistance(chunks[i], chunks[j]);
                if (d > farthest) (first, second, farthest) = (i, j, d);
            }
        }
        return (first, second);
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int d = 0; d < a.Length; d++) sum += (a[d] - b[d]) * (a[d] - b[d]); // ‖a − b‖² over the flat chunk
        return sum;
    }
}
