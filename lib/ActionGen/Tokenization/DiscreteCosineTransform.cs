namespace ActionGen.Tokenization;

/// <summary>
/// The orthonormal DCT-II over time, per action dimension, as FAST uses it (scipy's <c>dct(·, norm="ortho")</c> along
/// the time axis): for a chunk x[n, d] of H steps,
/// X[k, d] = s_k Σₙ x[n, d] cos(π (2n + 1) k / (2H)), with s₀ = √(1/H) and s_k = √(2/H) for k &gt; 0.
/// The matrix is orthogonal, so the inverse (DCT-III) is its transpose and the transform keeps energy: Σ X² = Σ x².
/// Smooth chunks put almost all of it in the first few frequencies — what makes the rounded coefficients compress.
/// Chunks are flat arrays, time-major: value (n, d) sits at n · D + d, and coefficient (k, d) at k · D + d.
/// </summary>
public static class DiscreteCosineTransform
{
    /// <summary>The H × H orthonormal DCT-II matrix C, with X = C x.</summary>
    public static double[,] Matrix(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var c = new double[steps, steps];
        for (int k = 0; k < steps; k++)
        {
            double scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / steps);                             // s₀ = √(1/H), s_k = √(2/H)
            for (int n = 0; n < steps; n++) c[k, n] = scale * Math.Cos(Math.PI * (2 * n + 1) * k / (2.0 * steps)); // s_k cos(π(2n+1)k / 2H)
        }
        return c;
    }

    /// <summary>The coefficients X[k, d] of a chunk x[n, d] of <paramref name="steps"/> steps (both flat, time- / frequency-major).</summary>
    public static double[] Forward(ReadOnlySpan<double> chunk, int steps) => Apply(chunk, steps, transpose: false);

    /// <summary>The chunk x[n, d] whose coefficients are <paramref name="coefficients"/>: x = Cᵀ X.</summary>
    public static double[] Inverse(ReadOnlySpan<double> coefficients, int steps) => Apply(coefficients, steps, transpose: true);

    private static double[] Apply(ReadOnlySpan<double> values, int steps, bool transpose)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (values.Length == 0 || values.Length % steps != 0)
            throw new ArgumentException($"A chunk of {steps} steps needs a length that is a positive multiple of {steps}, got {values.Length}.", nameof(values));
        int dims = values.Length / steps;
        var c = Matrix(steps);
        var result = new double[values.Length];
        for (int k = 0; k < steps; k++)
        {
            for (int d = 0; d < dims; d++)
            {
                double sum = 0;
                for (int n = 0; n < steps; n++) sum += (transpose ? c[n, k] : c[k, n]) * values[n * dims + d]; // X = C x  or  x = Cᵀ X
                result[k * dims + d] = sum;
            }
        }
        return result;
    }
}
