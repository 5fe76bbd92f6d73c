namespace ActionGen.Tasks;

/// <summary>
/// The one-plot picture of mode averaging: a scalar observation s ∈ [−1, 1] and a scalar action on one of two branches,
/// a = +g(s) + ε with probability p, else −g(s) + ε, where g(s) = 0.4 + 0.4 s² and ε ~ N(0, noise²).
/// </summary>
/// <param name="UpperFraction">p, the probability of the upper branch.</param>
/// <param name="Noise">Standard deviation of ε.</param>
public sealed record BimodalToy(double UpperFraction = 0.5, double Noise = 0.03)
{
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
}
