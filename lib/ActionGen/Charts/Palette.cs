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

    /// <summary>The colour of a behaviour mode.</summary>
    public static Color Of(PassSide side) => side switch
    {
        PassSide.Left => Left,
        PassSide.Right => Right,
        _ => Failure,
    };
}
