using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A curve drawn over the 1-D toy's data, e.g. a model's prediction or the analytic conditional mean.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Observations">The s values.</param>
/// <param name="Actions">The a values.</param>
/// <param name="Dashed">Draw dashed (for analytic references).</param>
public sealed record ToyCurve(string Name, IReadOnlyList<double> Observations, IReadOnlyList<double> Actions, bool Dashed = false);

/// <summary>The 1-D toy: samples (s, a) as points and any number of curves over them.</summary>
public static class ToyChart
{
    /// <summary>Data as faint points, curves as lines.</summary>
    public static GenericChart Draw(IReadOnlyList<double> observations, IReadOnlyList<double> actions, IEnumerable<ToyCurve> curves, string title)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(curves);
        var charts = new List<GenericChart>
        {
            Chart.Point<double, double, string>(x: observations, y: actions, Name: "demonstrations", MarkerColor: Color.fromHex("#9e9e9e"), Opacity: 0.45),
        };
        foreach (var curve in curves)
        {
            charts.Add(Chart.Line<double, double, string>(x: curve.Observations, y: curve.Actions, Name: curve.Name, LineWidth: 3.0,
                LineDash: curve.Dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid));
        }
        return Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "observation s")
            .WithYAxisStyle<double, double, string>(TitleText: "action a")
            .WithSize(640, 420);
    }
}
