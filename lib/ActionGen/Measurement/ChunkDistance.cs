namespace ActionGen.Measurement;

/// <summary>
/// Distances between two action chunks of H steps, each step a point of <c>stepDim</c> numbers, stored flat
/// (x₀, y₀, x₁, y₁, …). The series' chunk distance is the average displacement error of trajectory forecasting:
/// d(a, b) = (1/H) Σ_h ‖a_h − b_h‖, in the actions' own units — the mean distance between where the two chunks send the
/// robot at the same step.
/// </summary>
public static class ChunkDistance
{
    /// <summary>The average displacement, (1/H) Σ_h ‖a_h − b_h‖.</summary>
    /// <exception cref="ArgumentException">Chunks of different lengths, or a length that is not a whole number of steps.</exception>
    public static double Average(IReadOnlyList<double> a, IReadOnlyList<double> b, int stepDim)
    {
        int steps = Steps(a, b, stepDim);
        double sum = 0;
        for (int h = 0; h < steps; h++) sum += StepDistance(a, b, h, stepDim); // Σ_h ‖a_h − b_h‖
        return sum / steps;                                                  // (1/H) Σ_h ‖a_h − b_h‖
    }

    /// <summary>The final displacement, ‖a_{H−1} − b_{H−1}‖.</summary>
    /// <exception cref="ArgumentException">Chunks of different lengths, or a length that is not a whole number of steps.</exception>
    public static double Final(IReadOnlyList<double> a, IReadOnlyList<double> b, int stepDim)
    {
        int steps = Steps(a, b, stepDim);
        return StepDistance(a, b, steps - 1, stepDim);                       // ‖a_{H−1} − b_{H−1}‖
    }

    /// <summary>The number of steps H in a chunk of <paramref name="length"/> numbers; throws unless it is whole and ≥ 1.</summary>
    /// <exception cref="ArgumentException">Not a whole, positive number of steps; <paramref name="what"/> names the chunk.</exception>
    public static int StepsIn(int length, int stepDim, string what = "chunk")
    {
        if (stepDim < 1) throw new ArgumentOutOfRangeException(nameof(stepDim), stepDim, "A chunk step holds at least 1 number.");
        if (length < stepDim || length % stepDim != 0)
            throw new ArgumentException($"Expected the {what} to hold whole steps of {stepDim} numbers (a length of {stepDim}, {2 * stepDim}, …), got {length} numbers.");
        return length / stepDim;
    }

    /// <summary>Checks that every chunk has the steps of the first; returns H.</summary>
    /// <exception cref="ArgumentException">An empty set, or a chunk of another length, naming which.</exception>
    public static int CheckSameShape(IReadOnlyList<IReadOnlyList<double>> chunks, int stepDim, string what)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count == 0) throw new ArgumentException($"Expected at least one chunk in {what}, got none.");
        int length = chunks[0]?.Count ?? throw new ArgumentException($"{what}[0] is null.");
        int steps = StepsIn(length, stepDim, $"{what}[0]");
        for (int i = 1; i < chunks.Count; i++)
        {
            int other = chunks[i]?.Count ?? throw new ArgumentException($"{what}[{i}] is null.");
            if (other != length)
                throw new ArgumentException($"Expected every chunk in {what} to hold {length} numbers ({steps} steps of {stepDim}), got {other} at index {i}.");
        }
        return steps;
    }

    private static int Steps(IReadOnlyList<double> a, IReadOnlyList<double> b, int stepDim)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"Expected two chunks of the same length, got {a.Count} and {b.Count} numbers.");
        return StepsIn(a.Count, stepDim);
    }

    private static double StepDistance(IReadOnlyList<double> a, IReadOnlyList<double> b, int step, int stepDim)
    {
        double squared = 0;
        for (int d = step * stepDim; d < (step + 1) * stepDim; d++) squared += (a[d] - b[d]) * (a[d] - b[d]);
        return Math.Sqrt(squared);                                           // ‖a_h − b_h‖
    }
}
