namespace ActionGen.Measurement;

/// <summary>
/// The energy distance between two samples (Székely &amp; Rizzo): E(X, Y) = 2 E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖,
/// estimated with all pairs (the within-sample means exclude i = j). Zero when the distributions are equal; no kernel
/// or bandwidth to choose, and it sees every moment of the difference.
/// </summary>
public static class EnergyDistance
{
    /// <summary>The estimate for samples <paramref name="x"/> and <paramref name="y"/> (rows are points of equal dimension).</summary>
    /// <exception cref="ArgumentException">Fewer than two points in a sample, or points of different dimension.</exception>
    public static double Between(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 2 || y.Count < 2) throw new ArgumentException($"Energy distance needs at least 2 points per sample, got {x.Count} and {y.Count}.");
        int dim = x[0].Length;
        if (x.Concat(y).Any(p => p.Length != dim)) throw new ArgumentException($"Every point must have dimension {dim}.");
        double cross = MeanDistance(x, y, excludeDiagonal: false);
        double within = MeanDistance(x, x, excludeDiagonal: true) + MeanDistance(y, y, excludeDiagonal: true);
        return 2 * cross - within; // 2E‖X−Y‖ − E‖X−X′‖ − E‖Y−Y′‖
    }

    private static double MeanDistance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, bool excludeDiagonal)
    {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < a.Count; i++)
        {
            for (int j = 0; j < b.Count; j++)
            {
                if (excludeDiagonal && i == j) continue;
                double squared = 0;
                for (int d = 0; d < a[i].Length; d++) squared += (a[i][d] - b[j][d]) * (a[i][d] - b[j][d]);
                sum += Math.Sqrt(squared);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
