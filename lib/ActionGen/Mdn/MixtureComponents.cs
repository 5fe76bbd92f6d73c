namespace ActionGen.Mdn;

/// <summary>A batch of mixtures in raw action units: per observation, K weights, K means and K standard deviations.</summary>
/// <param name="Weights">[B][K] mixture weights, each row summing to 1.</param>
/// <param name="Means">[B][K][D] component means.</param>
/// <param name="Std">[B][K][D] component standard deviations.</param>
public sealed record MixtureComponents(double[][] Weights, double[][][] Means, double[][][] Std)
{
    /// <summary>Builds the jagged arrays from flat row-major buffers.</summary>
    public static MixtureComponents FromFlat(double[] weights, double[] means, double[] std, int batch, int components, int dim)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(std);
        double[][][] Cube(double[] flat) => Enumerable.Range(0, batch)
            .Select(b => Enumerable.Range(0, components).Select(k => flat.AsSpan((b * components + k) * dim, dim).ToArray()).ToArray()).ToArray();
        return new MixtureComponents(
            Enumerable.Range(0, batch).Select(b => weights.AsSpan(b * components, components).ToArray()).ToArray(),
            Cube(means), Cube(std));
    }
}
