using ActionGen.Tasks;
using ActionGen.Tasks.PushT;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>
/// Draws the Push-T workspace (512 × 512, y growing downward as the environment's renderer shows it): the target pose
/// of the T as an outline, the block at its pose, the agent, and action chunks as paths of commanded targets.
/// </summary>
public static class PushTChart
{
    /// <summary>The target pose of the block: (256, 256) at π/4.</summary>
    public static (Vec2 Position, double Angle) Target { get; } = (new Vec2(256, 256), Math.PI / 4);

    // The T in the block's own frame (Diffusion Policy's environment: a 120 × 30 bar on a 30 × 90 stem).
    private static readonly Vec2[] LocalT =
        [new(-60, 0), new(60, 0), new(60, 30), new(15, 30), new(15, 120), new(-15, 120), new(-15, 30), new(-60, 30), new(-60, 0)];

    /// <summary>The T's outline at <paramref name="position"/> and <paramref name="angle"/>: p' = R(θ) p + position.</summary>
    public static IReadOnlyList<Vec2> Outline(Vec2 position, double angle) =>
        LocalT.Select(p => new Vec2(position.X + p.X * Math.Cos(angle) - p.Y * Math.Sin(angle), position.Y + p.X * Math.Sin(angle) + p.Y * Math.Cos(angle))).ToArray();

    /// <summary>One state with chunks: <paramref name="chunks"/>[i] drawn in colour <paramref name="groups"/>[i] (e.g. its cluster).</summary>
    public static GenericChart State(PushTState state, IReadOnlyList<double[]> chunks, IReadOnlyList<int> groups, string title, IReadOnlyList<double[]>? highlighted = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count != chunks.Count) throw new ArgumentException($"Expected one group per chunk, got {groups.Count} groups for {chunks.Count} chunks.", nameof(groups));
        Color[] colours = [Palette.Left, Palette.Right, Palette.Goal, Palette.Failure];
        var charts = new List<GenericChart>
        {
            Polygon(Outline(Target.Position, Target.Angle), "target pose", Color.fromHex("#2ca02c"), filled: false),
            Polygon(Outline(state.Block, state.BlockAngle), "block", Color.fromHex("#7f7f7f"), filled: true),
        };
        var shown = new HashSet<int>();
        for (int i = 0; i < chunks.Count; i++)
        {
            var points = Enumerable.Range(0, chunks[i].Length / 2).Select(h => new Vec2(chunks[i][2 * h], chunks[i][2 * h + 1])).ToList();
            string name = $"human chunks, cluster {groups[i] + 1}";
            charts.Add(Chart.Line<double, double, string>(x: points.Select(p => p.X), y: points.Select(p => p.Y), Name: name, ShowLegend: shown.Add(groups[i]),
                    LineColor: colours[groups[i] % colours.Length], Opacity: 0.7, LineWidth: 1.5)
                .WithTraceInfo(LegendGroup: name));
        }
        foreach (var (chunk, index) in (highlighted ?? []).Select((c, i) => (c, i)))
        {
            var points = Enumerable.Range(0, chunk.Length / 2).Select(h => new Vec2(chunk[2 * h], chunk[2 * h + 1])).ToList();
            charts.Add(Chart.Line<double, double, string>(x: points.Select(p => p.X), y: points.Select(p => p.Y), Name: "their mean", ShowLegend: index == 0,
                LineColor: Color.fromHex("#000000"), LineWidth: 3.5, LineDash: StyleParam.DrawingStyle.Dash));
        }
        charts.Add(SceneChart.Disc(state.Agent, 15, Color.fromHex("#1f3a93"), "agent"));
        var chart = Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "x", MinMax: Tuple.Create(0.0, PushTData.WorkspaceSize), ZeroLine: false)
            .WithYAxisStyle<double, double, string>(TitleText: "y (down)", MinMax: Tuple.Create(PushTData.WorkspaceSize, 0.0), ZeroLine: false)
            .WithEqualAspect()
            .WithSize(520, 520);
        return chart;
    }

    private static GenericChart Polygon(IReadOnlyList<Vec2> points, string name, Color colour, bool filled) =>
        Chart.Line<double, double, string>(x: points.Select(p => p.X), y: points.Select(p => p.Y), Name: name, LineColor: colour, LineWidth: 2.0,
            Fill: filled ? StyleParam.Fill.ToSelf : StyleParam.Fill.None, FillColor: colour, Opacity: filled ? 0.5 : 1.0);
}
