using System.Globalization;
using System.Text;

namespace ActionGen.Notebooks;

/// <summary>Renders run results as a fixed-width table: notebook, status, seconds.</summary>
public static class SummaryTable
{
    /// <summary>The table, one row per notebook and a total.</summary>
    public static string Render(IReadOnlyList<NotebookResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int width = Math.Max("notebook".Length, results.Count == 0 ? 0 : results.Max(r => r.Name.Length));
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"notebook".PadRight(width)}  {"status",-8}  {"seconds",8}");
        table.AppendLine(CultureInfo.InvariantCulture, $"{new string('-', width)}  {new string('-', 8)}  {new string('-', 8)}");
        foreach (var r in results)
            table.AppendLine(CultureInfo.InvariantCulture, $"{r.Name.PadRight(width)}  {r.Status,-8}  {r.Seconds,8:F1}");
        table.Append(CultureInfo.InvariantCulture, $"{"total".PadRight(width)}  {"",-8}  {results.Sum(r => r.Seconds),8:F1}");
        return table.ToString();
    }
}
