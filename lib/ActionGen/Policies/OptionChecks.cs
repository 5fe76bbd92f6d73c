namespace ActionGen.Policies;

/// <summary>Guard clauses for option records: each names the option, its value and what was expected.</summary>
public static class OptionChecks
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void Positive(double value, string name)
    {
        if (!(double.IsFinite(value) && value > 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number above 0.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!(double.IsFinite(value) && value >= 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, 0 or above.");
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static void InRange(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high)) throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [{low}, {high}].");
    }

    /// <summary>The exception for option <paramref name="name"/> holding <paramref name="value"/>, with what was expected.</summary>
    public static ArgumentOutOfRangeException OutOfRange(string name, object? value, string expected) => new(name, value, expected);

    /// <summary>Throws unless every width is at least 1.</summary>
    public static void Widths(IReadOnlyList<int> widths, string name)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0 || widths.Any(w => w < 1))
            throw new ArgumentOutOfRangeException(name, $"[{string.Join(", ", widths)}]", $"{name} must list at least one width, each 1 or more.");
    }
}
