namespace ActionGen.Tasks;

/// <summary>Standard normal samples from a <see cref="Random"/>, so generated data depends only on its seed.</summary>
public static class Gaussian
{
    /// <summary>One N(0, 1) sample (Box–Muller).</summary>
    public static double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble(); // in (0, 1]: log(u1) is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2); // z = √(−2 ln u₁) cos(2π u₂)
    }
}
