using ActionGen.Tasks;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A path in the obstacle scene with the mode it is drawn as.</summary>
/// <param name="Points">The positions visited.</param>
/// <param name="Side">Left, Right, or Other (drawn as a failure).</param>
/// <param name="Name">Legend text; by default the mode's.</param>
/// <param name="Emphasis">Draw thick and black, over the others (e.g. one model's plan).</param>
public sealed record ScenePath(IReadOnlyList<Vec2> Points, PassSide Side, string? Name = null, bool Emphasis = false);

/// <summary>Draws the obstacle scene: obstacle, start box, goal and paths coloured by mode.</summary>
public static class SceneChart
{
    /// <summary>The scene with expert demonstrations.</summary>
    public static GenericChart Demonstrations(ObstacleScene scene, IEnumerable<Demonstration> demonstrations, string title = "Expert demonstrations", IEnumerable<ScenePoint>? points = null)
    {
        ArgumentNullException.ThrowIfNull(demonstrations);
        return Draw(scene, demonstrations.Select(d => new ScenePath(d.Path, d.Side)), title, points);
    }

    /// <summary>The scene with any paths, one legend entry per mode present, and labelled <paramref name="points"/> on top.</summary>
    public static GenericChart Draw(ObstacleScene scene, IEnumerable<ScenePath> paths, string title, IEnumerable<ScenePoint>? points = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(paths);
        var charts = new List<GenericChart> { Disc(scene.Obstacle, scene.ObstacleRadius, Palette.Obstacle, "obstacle"), Disc(scene.Goal, scene.GoalRadius, Palette.Goal, "goal") };
        var legendShown = new HashSet<PassSide>();
        foreach (var path in paths)
        {
            string name = path.Name ?? path.Side switch { PassSide.Left => "passes left", PassSide.Right => "passes right", _ => "collides / fails" };
            bool firstOfMode = path.Emphasis || legendShown.Add(path.Side);
            charts.Add(Chart.Line<double, double, string>(
                    x: path.Points.Select(p => p.X), y: path.Points.Select(p => p.Y), Name: name, ShowLegend: firstOfMode,
                    LineColor: path.Emphasis ? Color.fromHex("#000000") : Palette.Of(path.Side), LineWidth: path.Emphasis ? 4.0 : 1.2, Opacity: path.Emphasis ? 1.0 : 0.55)
                .WithTraceInfo(LegendGroup: name));
        }
        charts.Add(StartBox(scene)); // drawn after the paths, so they do not hide it
        foreach (var point in points ?? [])
        {
            charts.Add(Chart.Point<double, double, string>(x: [point.Position.X], y: [point.Position.Y], Name: point.Name,
                    MarkerColor: Color.fromHex("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.Diamond)
                .WithMarkerSize(12));
        }
        return Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "x", MinMax: Tuple.Create(-1.2, 1.2), ZeroLine: false)
            .WithYAxisStyle<double, double, string>(TitleText: "y", MinMax: Tuple.Create(-1.2, 1.2), ZeroLine: false)
            .WithEqualAspect()
            .WithSize(600, 560);
    }

    /// <summary>A filled circle drawn as a closed polygon.</summary>
    internal static GenericChart Disc(Vec2 centre, double radius, Color color, string name)
    {
        const int points = 64;
        var angles = Enumerable.Range(0, points + 1).Select(i => 2 * Math.PI * i / points).ToList();
        return Chart.Line<double, double, string>(
            x: angles.Select(a => centre.X + radius * Math.Cos(a)), y: angles.Select(a => centre.Y + radius * Math.Sin(a)),
            Name: name, LineColor: color, Fill: StyleParam.Fill.ToSelf, FillColor: color, Opacity: 0.6);
    }

    private static GenericChart StartBox(ObstacleScene scene)
    {
        double h = scene.StartHalfWidth;
        var c = scene.StartCentre;
        double[] xs = [c.X - h, c.X + h, c.X + h, c.X - h, c.X - h];
        double[] ys = [c.Y - h, c.Y - h, c.Y + h, c.Y + h, c.Y - h];
        return Chart.Line<double, double, string>(x: xs, y: ys, Name: "start box", LineColor: Color.fromHex("#000000"), LineWidth: 2.0, LineDash: StyleParam.DrawingStyle.Dot);
    }
}
