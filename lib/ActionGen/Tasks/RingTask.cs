using ActionGen.Data;

namespace ActionGen.Tasks;

/// <summary>
/// A hard shape for mixtures: for a context s ∈ [−1, 1] the 2-D action lies on a ring, a = r(s) (cos θ, sin θ) + ε with
/// θ ~ U[0, 2π), r(s) = 0.5 + 0.25 s and ε ~ N(0, noise² I). A continuum of modes: a few Gaussians can only cover it
/// with blobs that spill into the empty centre.
/// </summary>
/// <param name="Noise">Standard deviation of ε.</param>
public sealed record RingTask(double Noise = 0.02)
{
    /// <summary>The ring's radius at context s.</summary>
    public static double Radius(double s) => 0.5 + 0.25 * s;

    /// <summary>Samples <paramref name="count"/> (s, a) pairs; s is uniform on [−1, 1], or fixed when <paramref name="context"/> is given.</summary>
    public ActionDataset Sample(int count, int seed, double? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var s = new double[count, 1];
        var a = new double[count, 2];
        for (int i = 0; i < count; i++)
        {
            s[i, 0] = context ?? 2 * random.NextDouble() - 1;
            double theta = 2 * Math.PI * random.NextDouble();
            double r = Radius(s[i, 0]);
            a[i, 0] = r * Math.Cos(theta) + Noise * Gaussian.Sample(random);
            a[i, 1] = r * Math.Sin(theta) + Noise * Gaussian.Sample(random);
        }
        return new ActionDataset(s, a, ["s"], ["a0", "a1"]);
    }
}
