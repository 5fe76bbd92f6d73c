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

    /// <summary>
    /// Gives every subplot of a grid the same axis ranges (and, with <paramref name="equalAspect"/>, one unit as long on
    /// y as on x), so small multiples compare at a glance. Hides the legend: subplot titles carry the labels.
    /// </summary>
    public static GenericChart WithSharedSubplotAxes(this GenericChart chart, (double Min, double Max) x, (double Min, double Max) y, bool equalAspect = false)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        for (int i = 1; i <= 32; i++)
        {
            string suffix = i == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (layout.TryGetPropertyValue("xaxis" + suffix)?.Value is not DynamicObj.DynamicObj xAxis) { if (i > 1) break; else continue; }
            xAxis.SetProperty("range", new[] { x.Min, x.Max });
            if (layout.TryGetPropertyValue("yaxis" + suffix)?.Value is DynamicObj.DynamicObj yAxis)
            {
                yAxis.SetProperty("range", new[] { y.Min, y.Max });
                if (equalAspect)
                {
                    yAxis.SetProperty("scaleanchor", "x" + suffix);
                    yAxis.SetProperty("scaleratio", 1);
                }
            }
        }
        layout.SetProperty("showlegend", false);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>On a log axis, one labelled tick per power of ten (1, 10, 100, …) instead of Plotly's crowded defaults.</summary>
    public static GenericChart WithDecadeTicks(this GenericChart chart, bool xAxis = true, bool yAxis = false)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        foreach (var (name, wanted) in new[] { ("xaxis", xAxis), ("yaxis", yAxis) })
        {
            if (!wanted) continue;
            if (layout.TryGetPropertyValue(name)?.Value is not DynamicObj.DynamicObj axis)
                throw new InvalidOperationException($"The chart has no {name} to put decade ticks on: style it first.");
            axis.SetProperty("dtick", 1);
            axis.SetProperty("exponentformat", "power");
        }
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Titles the colour bar of every trace that draws one (heat maps).</summary>
    public static GenericChart WithColorBarTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            var text = new DynamicObj.DynamicObj();
            text.SetProperty("text", title);
            text.SetProperty("side", "right");
            var colorBar = trace.TryGetPropertyValue("colorbar")?.Value as DynamicObj.DynamicObj ?? new DynamicObj.DynamicObj();
            colorBar.SetProperty("title", text);
            trace.SetProperty("colorbar", colorBar);
        }
        return chart;
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
