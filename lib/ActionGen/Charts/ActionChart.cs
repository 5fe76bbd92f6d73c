using ActionGen.Tasks;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A labelled point drawn over an action scatter, e.g. the mean action or a model's prediction.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Action">The action (dx, dy).</param>
public sealed record ActionMarker(string Name, Vec2 Action);

/// <summary>Draws actions in the action plane (dx, dy), coloured by the mode they belong to.</summary>
public static class ActionChart
{
    /// <summary>Actions as points coloured by mode, with optional highlighted markers.</summary>
    public static GenericChart Scatter(IEnumerable<(Vec2 Action, PassSide Side)> actions, IEnumerable<ActionMarker> markers, string title)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(markers);
        var charts = new List<GenericChart>();
        foreach (var group in actions.GroupBy(a => a.Side).OrderBy(g => g.Key))
        {
            charts.Add(Chart.Point<double, double, string>(
                x: group.Select(a => a.Action.X), y: group.Select(a => a.Action.Y),
                Name: group.Key switch { PassSide.Left => "left experts", PassSide.Right => "right experts", _ => "other" },
                MarkerColor: Palette.Of(group.Key), Opacity: 0.7));
        }
        foreach (var marker in markers)
        {
            charts.Add(Chart.Point<double, double, string>(
                x: [marker.Action.X], y: [marker.Action.Y], Name: marker.Name,
                MarkerColor: Color.fromHex("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.X));
        }
        return Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "dx")
            .WithYAxisStyle<double, double, string>(TitleText: "dy")
            .WithSize(560, 420);
    }
}
