using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A density over a 2-D plane as a heat map (e.g. p(a | s) over the action plane).</summary>
public static class DensityChart
{
    /// <summary>z[i][j] is the value at (x[j], y[i]).</summary>
    public static GenericChart Heatmap(IReadOnlyList<double> x, IReadOnlyList<double> y, double[][] z, string title, string xTitle = "dx", string yTitle = "dy")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (z.Length != y.Count || z.Any(row => row.Length != x.Count))
            throw new ArgumentException($"Expected z of shape [{y.Count}][{x.Count}], got [{z.Length}][{(z.Length == 0 ? 0 : z[0].Length)}].", nameof(z));
        return Chart.Heatmap<double, double, double, string>(zData: z, X: x.ToArray(), Y: y.ToArray(), ColorScale: StyleParam.Colorscale.Viridis)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .WithEqualAspect()
            .WithSize(420, 400);
    }
}
