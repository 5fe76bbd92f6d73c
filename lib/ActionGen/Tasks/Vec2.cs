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

    /// <summary>The same direction with length at most <paramref name="maxLength"/>.</summary>
    public Vec2 ClampLength(double maxLength) => Length <= maxLength ? this : (maxLength / Length) * this;
}
