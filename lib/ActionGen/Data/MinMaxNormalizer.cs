using TorchSharp;

namespace ActionGen.Data;

/// <summary>
/// Per-column min-max normalisation to [−1, 1], as LeRobot does for diffusion (its x̂₀ clipping assumes that range).
/// Statistics come from the training set and are stored with the model. A constant column maps to 0 and back to its
/// constant, instead of dividing by zero. Validated on construction: equal lengths, Min ≤ Max, and values that float32
/// (the tensors' type) can hold.
/// </summary>
public sealed record MinMaxNormalizer
{
    private readonly double[] min;
    private readonly double[] max;

    /// <summary>Creates a normaliser from per-column minima and maxima.</summary>
    /// <exception cref="ArgumentException">Lengths differ, no columns, Min &gt; Max in a column, or a value float32 cannot hold.</exception>
    public MinMaxNormalizer(IReadOnlyList<double> min, IReadOnlyList<double> max)
    {
        Validate(min, max, "normaliser");
        this.min = [.. min];
        this.max = [.. max];
    }

    /// <summary>Per-column minimum.</summary>
    public IReadOnlyList<double> Min => min;

    /// <summary>Per-column maximum.</summary>
    public IReadOnlyList<double> Max => max;

    /// <summary>Number of columns.</summary>
    public int Dim => min.Length;

    /// <summary>Checks statistics before they are used or stored; <paramref name="what"/> names them in the message.</summary>
    /// <exception cref="ArgumentException">The first problem, naming the column.</exception>
    public static void Validate(IReadOnlyList<double> min, IReadOnlyList<double> max, string what)
    {
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(max);
        if (min.Count != max.Count) throw new ArgumentException($"The {what} has {min.Count} minima and {max.Count} maxima: expected one of each per column.", nameof(max));
        if (min.Count == 0) throw new ArgumentException($"The {what} has no columns.", nameof(min));
        for (int c = 0; c < min.Count; c++)
        {
            if (!Representable(min[c])) throw new ArgumentException($"The {what}'s Min[{c}] is {min[c]}: expected a finite number within float32's range (±{float.MaxValue:E2}).", nameof(min));
            if (!Representable(max[c])) throw new ArgumentException($"The {what}'s Max[{c}] is {max[c]}: expected a finite number within float32's range (±{float.MaxValue:E2}).", nameof(max));
            if (min[c] > max[c]) throw new ArgumentException($"The {what}'s column {c} has Min {min[c]} > Max {max[c]}.", nameof(min));
            if (!Representable((max[c] - min[c]) / 2)) throw new ArgumentException($"The {what}'s column {c} spans [{min[c]}, {max[c]}], too wide for float32.", nameof(max));
        }
    }

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
    public IReadOnlyList<double> HalfRange => min.Zip(max, (lo, hi) => hi > lo ? (hi - lo) / 2 : 1.0).ToArray();

    /// <summary>The middle of each column's range.</summary>
    public IReadOnlyList<double> Centre => min.Zip(max, (lo, hi) => (lo + hi) / 2).ToArray();

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

    /// <summary>Value equality over the statistics.</summary>
    public bool Equals(MinMaxNormalizer? other) => other is not null && min.SequenceEqual(other.min) && max.SequenceEqual(other.max);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dim, min.Length > 0 ? min[0] : 0, max.Length > 0 ? max[0] : 0);

    private static bool Representable(double value) => double.IsFinite(value) && Math.Abs(value) <= float.MaxValue;

    private static torch.Tensor Row(IReadOnlyList<double> values, torch.Tensor like) =>
        torch.tensor(values.ToArray(), dtype: like.dtype, device: like.device).unsqueeze(0);

    private void CheckShape(torch.Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Dim)
            throw new ArgumentException($"Expected a tensor of shape [batch, {Dim}], got [{string.Join(", ", x.shape)}].", nameof(x));
        // The statistics take the tensor's dtype: in an integer dtype they would be truncated (and 0-width ranges divide by 0).
        if (!x.is_floating_point())
            throw new ArgumentException($"Expected a floating-point tensor, got {x.dtype}: convert it first, e.g. x.to(torch.float32).", nameof(x));
    }
}
