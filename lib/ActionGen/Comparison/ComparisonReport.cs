using System.Globalization;
using ActionGen.Measurement;
using ActionGen.Reporting;

namespace ActionGen.Comparison;

/// <summary>Turns measured columns into the series' comparison table: one row per question, intervals in the cells, ratings from the intervals.</summary>
public static class ComparisonReport
{
    /// <summary>The table for <paramref name="columns"/> measured with <paramref name="budget"/>.</summary>
    public static ComparisonTable Table(IReadOnlyList<ColumnResult> columns, ComparisonBudget budget, string title)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(budget);
        if (columns.Count == 0) throw new ArgumentException("No columns to report.", nameof(columns));
        int seeds = budget.Seeds.Count;
        var rows = new List<IReadOnlyList<TableCell>>
        {
            Row($"multimodal support — obstacle: collisions (mean [95 % interval], {seeds} seeds) · mode entropy", columns, c =>
            {
                var rate = Proportion(c.Collisions);
                return new TableCell($"{rate.ToString("P1")} · {c.ModeEntropies.Average():F2}", ComparisonRatings.Collisions(rate));
            }),
            Row($"training stability — short runs that went non-finite or diverged", columns, c =>
                new TableCell($"{c.FailedRuns}/{c.StabilityRuns}", ComparisonRatings.Stability(c.FailedRuns))),
        };
        for (int h = 0; h < budget.HighDimensional.Count; h++)
        {
            var setting = budget.HighDimensional[h];
            rows.Add(Row($"high-dim — {setting.Label}: valid share [95 %] · distinct joint modes (data: {columns[0].HighDimensional[h].DataDistinctModes:N0})", columns, c =>
            {
                var result = c.HighDimensional[h];
                if (result.SkippedBecause is string reason) return new TableCell($"not run: {reason}");
                var share = Proportion(result.ValidShares);
                double coverage = result.DistinctModes.Average() / Math.Max(1, result.DataDistinctModes);        // joint modes hit, relative to the data's
                return new TableCell($"{share.ToString("P0")} · {result.DistinctModes.Average():N0}", ComparisonRatings.HighDimensional(share, coverage));
            }));
        }
        rows.Add(Row("inference speed — µs per action, batch 1 · batch 1024 (network evaluations)", columns, c =>
            new TableCell(string.Create(CultureInfo.InvariantCulture, $"{c.MicrosecondsSingle:F0} · {c.MicrosecondsBatched:F1} ({c.NetworkEvaluations})"), ComparisonRatings.Speed(c.MicrosecondsSingle))));
        rows.Add(Row($"expressiveness — ring: energy distance (mean [95 %])", columns, c =>
        {
            var distance = Interval.OverSeeds(c.RingDistances);
            return new TableCell(distance.ToString("F4"), ComparisonRatings.RingDistance(distance));
        }));
        return new ComparisonTable(title, ["question (metric)", .. columns.Select(c => c.Column)], rows).Validated();
    }

    /// <summary>A per-seed proportion's interval, clipped to [0, 1].</summary>
    public static Interval Proportion(IReadOnlyList<double> perSeed)
    {
        var interval = Interval.OverSeeds(perSeed);
        return interval with { Low = Math.Max(0, interval.Low), High = Math.Min(1, interval.High) };
    }

    private static List<TableCell> Row(string label, IReadOnlyList<ColumnResult> columns, Func<ColumnResult, TableCell> cell) =>
        [new TableCell(label), .. columns.Select(cell)];
}
