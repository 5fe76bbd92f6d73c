namespace ActionGen.Tasks;

/// <summary>A point or displacement in the plane.</summary>
public readonly record struct Vec2(double X, double Y)
{
    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y);

    /// <summary>Component-wise sum.</summary>
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Component-wise difference.</summary>
    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scaling.</summary>
    public static Vec2 operator *(double k, Vec2 v) => new(k * v.X, k * v.Y);

    /// <summary>The mean of <paramref name="vectors"/> (component-wise).</summary>
    /// <exception cref="ArgumentException">No vectors.</exception>
    public static Vec2 Mean(IEnumerable<Vec2> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        double x = 0, y = 0;
        int count = 0;
        foreach (var v in vectors)
        {
            x += v.X;
            y += v.Y;
            count++;
        }
        if (count == 0) throw new ArgumentException("The mean of no vectors is undefined.", nameof(vectors));
        return new Vec2(x / count, y / count);                                                     // (1/n) Σ vᵢ
    }

    /// <summary>The same direction with length at most <paramref name="maxLength"/>.</summary>
    public Vec2 ClampLength(double maxLength) => Length <= maxLength ? this : (maxLength / Length) * this;
}
