using ActionGen.Tasks;
using Plotly.NET;

namespace ActionGen.Charts;

/// <summary>The series' colours: one per behaviour mode, one per method, so every chart reads the same way.</summary>
public static class Palette
{
    /// <summary>Left passes.</summary>
    public static Color Left { get; } = Color.fromHex("#1f77b4");

    /// <summary>Right passes.</summary>
    public static Color Right { get; } = Color.fromHex("#ff7f0e");

    /// <summary>Collisions and other failures.</summary>
    public static Color Failure { get; } = Color.fromHex("#d62728");

    /// <summary>The obstacle.</summary>
    public static Color Obstacle { get; } = Color.fromHex("#7f7f7f");

    /// <summary>The goal.</summary>
    public static Color Goal { get; } = Color.fromHex("#2ca02c");

    /// <summary>
    /// The <paramref name="index"/>-th colour of a categorical palette for lines that stand for different methods or
    /// settings (Plotly's default ten colours, repeating).
    /// </summary>
    public static Color Series(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Color.fromHex(Categorical[index % Categorical.Length]);
    }

    private static readonly string[] Categorical =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The colour of a behaviour mode.</summary>
    public static Color Of(PassSide side) => side switch
    {
        PassSide.Left => Left,
        PassSide.Right => Right,
        _ => Failure,
    };
}
