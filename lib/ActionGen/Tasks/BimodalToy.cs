namespace ActionGen.Tasks;

/// <summary>
/// The one-plot picture of mode averaging: a scalar observation s ∈ [−1, 1] and a scalar action on one of two branches,
/// a = +g(s) + ε with probability p, else −g(s) + ε, where g(s) = 0.4 + 0.4 s² and ε ~ N(0, noise²).
/// </summary>
/// <param name="UpperFraction">p, the probability of the upper branch.</param>
/// <param name="Noise">Standard deviation of ε.</param>
public sealed record BimodalToy(double UpperFraction = 0.5, double Noise = 0.03)
{
    private readonly double upperFraction = Fraction(UpperFraction);
    private readonly double noise = NonNegative(Noise);

    /// <summary>p, the probability of the upper branch, in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1] or not a number.</exception>
    public double UpperFraction { get => upperFraction; init => upperFraction = Fraction(value); }

    /// <summary>Standard deviation of ε, finite and 0 or above.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double Noise { get => noise; init => noise = NonNegative(value); }

    /// <summary>The branch height g(s) = 0.4 + 0.4 s².</summary>
    public static double Branch(double s) => 0.4 + 0.4 * s * s;

    /// <summary>The conditional mean E[a | s] = (2p − 1) g(s): the minimiser of the MSE loss.</summary>
    public double ConditionalMean(double s) => (2 * UpperFraction - 1) * Branch(s);

    /// <summary>Draws <paramref name="count"/> (s, a) pairs with s uniform on [−1, 1].</summary>
    public (double[] Observations, double[] Actions) Sample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var s = new double[count];
        var a = new double[count];
        for (int i = 0; i < count; i++)
        {
            s[i] = 2 * random.NextDouble() - 1;
            double sign = random.NextDouble() < UpperFraction ? 1 : -1;
            a[i] = sign * Branch(s[i]) + Noise * Gaussian.Sample(random);
        }
        return (s, a);
    }

    // The names given are the record's parameters (what a caller wrote), not these helpers' own.
#pragma warning disable CA2208
    private static double Fraction(double p) => p is >= 0 and <= 1
        ? p
        : throw new ArgumentOutOfRangeException(nameof(UpperFraction), p, $"{nameof(UpperFraction)} is a probability: expected a number in [0, 1], got {p}.");

    private static double NonNegative(double sigma) => double.IsFinite(sigma) && sigma >= 0
        ? sigma
        : throw new ArgumentOutOfRangeException(nameof(Noise), sigma, $"{nameof(Noise)} is a standard deviation: expected a finite number, 0 or above, got {sigma}.");
#pragma warning restore CA2208
}
