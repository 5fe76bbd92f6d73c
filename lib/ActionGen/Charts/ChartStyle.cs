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

    /// <summary>One unit on the y axis is as long as one unit on the x axis, so circles stay round and directions true.</summary>
    public static GenericChart WithEqualAspect(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        if (layout.TryGetPropertyValue("yaxis")?.Value is not DynamicObj.DynamicObj yAxis)
            throw new InvalidOperationException("The chart has no y axis to anchor: style the y axis before asking for an equal aspect.");
        yAxis.SetProperty("scaleanchor", "x");
        yAxis.SetProperty("scaleratio", 1);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Sets the marker size of every trace in <paramref name="chart"/>.</summary>
    public static GenericChart WithMarkerSize(this GenericChart chart, int size)
    {
        ArgumentNullException.ThrowIfNull(chart);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            if (trace.TryGetPropertyValue("marker")?.Value is DynamicObj.DynamicObj marker) marker.SetProperty("size", size);
            else
            {
                var created = new DynamicObj.DynamicObj();
                created.SetProperty("size", size);
                trace.SetProperty("marker", created);
            }
        }
        return chart;
    }
}
