using ActionGen.Tasks;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A labelled action drawn over the others, e.g. a mean or a model's prediction.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Action">The action (dx, dy).</param>
public sealed record ActionMarker(string Name, Vec2 Action);

/// <summary>Draws actions as arrows from the origin in the action plane (dx, dy), coloured by mode, at equal scale.</summary>
public static class ActionChart
{
    /// <summary>Each action as a thin segment from (0, 0); each marker as a thick black one ending in a large X.</summary>
    public static GenericChart Directions(IEnumerable<(Vec2 Action, PassSide Side)> actions, IEnumerable<ActionMarker> markers, string title)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(markers);
        var charts = new List<GenericChart>();
        var legendShown = new HashSet<PassSide>();
        foreach (var (action, side) in actions)
        {
            string name = side switch { PassSide.Left => "experts passing left", PassSide.Right => "experts passing right", _ => "other" };
            charts.Add(Chart.Line<double, double, string>(x: [0, action.X], y: [0, action.Y], Name: name, ShowLegend: legendShown.Add(side),
                    LineColor: Palette.Of(side), LineWidth: 1.0, Opacity: 0.5)
                .WithTraceInfo(LegendGroup: name));
        }
        var dashes = new[] { StyleParam.DrawingStyle.Solid, StyleParam.DrawingStyle.Dash, StyleParam.DrawingStyle.Dot };
        int index = 0;
        foreach (var marker in markers)
        {
            charts.Add(Chart.Line<double, double, string>(x: [0, marker.Action.X], y: [0, marker.Action.Y], Name: marker.Name, ShowMarkers: true,
                    LineColor: Color.fromHex("#000000"), LineWidth: 3.5, LineDash: dashes[index++ % dashes.Length],
                    MarkerColor: Color.fromHex("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.X)
                .WithMarkerSize(12));
        }
        return Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "dx", ZeroLine: true)
            .WithYAxisStyle<double, double, string>(TitleText: "dy", ZeroLine: true)
            .WithEqualAspect()
            .WithSize(620, 420);
    }
}
