using TorchSharp;

namespace ActionGen.Data;

/// <summary>
/// Per-column min-max normalisation to [−1, 1], as LeRobot does for diffusion (its x̂₀ clipping assumes that range).
/// Statistics come from the training set and are stored with the model. A constant column maps to 0 and back to its
/// constant, instead of dividing by zero.
/// </summary>
/// <param name="Min">Per-column minimum.</param>
/// <param name="Max">Per-column maximum.</param>
public sealed record MinMaxNormalizer(double[] Min, double[] Max)
{
    /// <summary>Number of columns.</summary>
    public int Dim => Min.Length;

    /// <summary>Fits per-column minimum and maximum of a [N, dim] matrix.</summary>
    public static MinMaxNormalizer Fit(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rows == 0) throw new ArgumentException("Cannot fit a normaliser on zero rows.", nameof(values));
        var min = Enumerable.Repeat(double.PositiveInfinity, columns).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, columns).ToArray();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                min[c] = Math.Min(min[c], values[r, c]);
                max[c] = Math.Max(max[c], values[r, c]);
            }
        }
        return new MinMaxNormalizer(min, max);
    }

    /// <summary>Half the range per column; 1 where the column is constant (so it maps to 0, not to NaN).</summary>
    private double[] HalfRange => Min.Zip(Max, (lo, hi) => hi > lo ? (hi - lo) / 2 : 1.0).ToArray();

    private double[] Centre => Min.Zip(Max, (lo, hi) => (lo + hi) / 2).ToArray();

    /// <summary>x ↦ (x − centre) / half-range: the training range maps to [−1, 1]. Input [B, dim].</summary>
    public torch.Tensor Normalize(torch.Tensor x)
    {
        CheckShape(x);
        using var centre = Row(Centre, x);
        using var half = Row(HalfRange, x);
        return (x - centre) / half;
    }

    /// <summary>z ↦ z · half-range + centre, the inverse of <see cref="Normalize"/>. Input [B, dim].</summary>
    public torch.Tensor Denormalize(torch.Tensor z)
    {
        CheckShape(z);
        using var centre = Row(Centre, z);
        using var half = Row(HalfRange, z);
        return z * half + centre;
    }

    private static torch.Tensor Row(double[] values, torch.Tensor like) =>
        torch.tensor(values, dtype: like.dtype, device: like.device).unsqueeze(0);

    private void CheckShape(torch.Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Dim)
            throw new ArgumentException($"Expected a tensor of shape [batch, {Dim}], got [{string.Join(", ", x.shape)}].", nameof(x));
    }
}
