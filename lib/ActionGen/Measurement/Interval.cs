using System.Globalization;

namespace ActionGen.Measurement;

/// <summary>
/// An estimate with its 95 % confidence interval. Two constructions are used in the series:
/// <see cref="OverSeeds"/> (Student's t over per-seed values: honest when seeds disagree) and <see cref="Wilson"/>
/// (a proportion pooled over trials, e.g. rollouts; it ignores differences between seeds).
/// </summary>
/// <param name="Estimate">The point estimate (a mean or a proportion).</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="Count">How many values (seeds) or trials it rests on.</param>
public sealed record Interval(double Estimate, double Low, double High, int Count)
{
    // t_{0.975, ν} for ν = 1 … 30 degrees of freedom; beyond 30 the normal 1.96 is within 2 %.
    private static readonly double[] StudentT975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The mean of per-seed <paramref name="values"/> with a Student-t 95 % interval, x̄ ± t_{0.975, n−1} · s/√n.</summary>
    /// <exception cref="ArgumentException">Fewer than one value, or a non-finite one.</exception>
    public static Interval OverSeeds(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("An interval needs at least one value.", nameof(values));
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"Expected finite values, got [{string.Join(", ", values)}].", nameof(values));
        double mean = values.Average();
        if (values.Count == 1) return new Interval(mean, double.NegativeInfinity, double.PositiveInfinity, 1); // one seed says nothing about the spread
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));             // s, the sample standard deviation
        double t = values.Count - 1 <= StudentT975.Length ? StudentT975[values.Count - 2] : 1.96;
        double half = t * sd / Math.Sqrt(values.Count);                                                    // t · s / √n
        return new Interval(mean, mean - half, mean + half, values.Count);
    }

    /// <summary>The Wilson score 95 % interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static Interval Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Expected 0 … {trials} successes.");
        const double z = 1.959964;
        double p = (double)successes / trials, z2n = z * z / trials;
        double centre = (p + z2n / 2) / (1 + z2n);                                                         // (p̂ + z²/2n) / (1 + z²/n)
        double half = z / (1 + z2n) * Math.Sqrt(p * (1 - p) / trials + z2n / (4 * trials));                // z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
        return new Interval(p, Math.Max(0, centre - half), Math.Min(1, centre + half), trials);
    }

    /// <summary>The interval as "estimate [low, high]" with <paramref name="format"/> for each number (e.g. "P0", "F3").</summary>
    public string ToString(string format) => Count == 1
        ? Estimate.ToString(format, CultureInfo.InvariantCulture) + " (1 seed)"
        : string.Create(CultureInfo.InvariantCulture, $"{Estimate.ToString(format, CultureInfo.InvariantCulture)} [{Low.ToString(format, CultureInfo.InvariantCulture)}, {High.ToString(format, CultureInfo.InvariantCulture)}]");

    /// <inheritdoc />
    public override string ToString() => ToString("G3");
}
