using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace ActionGen.Charts;

/// <summary>Training-loss curves, one line per run, smoothed with a moving average so trends are readable.</summary>
public static class LossChart
{
    /// <summary>Draws each named loss history; <paramref name="window"/> steps of moving average (1 = raw).</summary>
    public static GenericChart Draw(IEnumerable<(string Name, IReadOnlyList<double> Loss)> runs, string title = "Training loss", int window = 25, bool logScale = true)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var charts = runs.Select(run =>
        {
            var smoothed = MovingAverage(run.Loss, window);
            return Chart.Line<int, double, string>(x: Enumerable.Range(1, smoothed.Count), y: smoothed, Name: run.Name);
        }).ToList();
        return Chart.Combine(charts)
            .WithTitleText(title)
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: window > 1 ? $"loss ({window}-step mean)" : "loss", AxisType: logScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(640, 380);
    }

    /// <summary>The trailing moving average over <paramref name="window"/> values (fewer at the start).</summary>
    public static IReadOnlyList<double> MovingAverage(IReadOnlyList<double> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double[values.Count];
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
