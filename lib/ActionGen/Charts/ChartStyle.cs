using Plotly.NET;

namespace ActionGen.Charts;

/// <summary>Small layout helpers Plotly.NET.CSharp does not expose.</summary>
public static class ChartStyle
{
    /// <summary>Sets the chart's title.</summary>
    public static GenericChart WithTitleText(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // F# optional arguments are FSharpOption values; null is None.
        return Plotly.NET.Chart.withTitle(title, TitleFont: null).Invoke(chart);
    }
}
