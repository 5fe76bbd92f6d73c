using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>A density over a 2-D plane as a heat map (e.g. p(a | s) over the action plane).</summary>
public static class DensityChart
{
    /// <summary>
    /// z[i][j] is the value at (x[j], y[i]). The colour bar is titled <paramref name="valueTitle"/>; with
    /// <paramref name="logScale"/> the colours follow log₁₀ z (values ≤ 0 are drawn as the floor), so faint mass shows.
    /// </summary>
    public static GenericChart Heatmap(IReadOnlyList<double> x, IReadOnlyList<double> y, double[][] z, string title, string xTitle = "dx", string yTitle = "dy",
        string valueTitle = "value", bool logScale = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (z.Length != y.Count || z.Any(row => row.Length != x.Count))
            throw new ArgumentException($"Expected z of shape [{y.Count}][{x.Count}], got [{z.Length}][{(z.Length == 0 ? 0 : z[0].Length)}].", nameof(z));
        double floor = logScale ? z.SelectMany(r => r).Where(v => v > 0).DefaultIfEmpty(1).Min() : 0;
        var shown = logScale ? z.Select(row => row.Select(v => Math.Log10(Math.Max(v, floor))).ToArray()).ToArray() : z;   // log₁₀ z
        return Chart.Heatmap<double, double, double, string>(zData: shown, X: x.ToArray(), Y: y.ToArray(), ColorScale: StyleParam.Colorscale.Viridis)
            .WithColorBarTitle(logScale ? $"log₁₀ {valueTitle}" : valueTitle)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .WithEqualAspect()
            .WithSize(420, 400);
    }
}
