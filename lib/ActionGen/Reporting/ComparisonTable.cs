using System.Net;
using System.Text;

namespace ActionGen.Reporting;

/// <summary>A small table of rows × columns with coloured cells, rendered as HTML (notebooks) or Markdown (README).</summary>
/// <param name="Title">Shown above the table.</param>
/// <param name="Columns">Column headers; the first names the row labels.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Columns"/>.</param>
public sealed record ComparisonTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows)
{
    private static readonly Dictionary<Rating, string> Colours = new()
    {
        [Rating.Good] = "#c8e6c9",
        [Rating.Fair] = "#fff3c4",
        [Rating.Poor] = "#ffcdd2",
    };

    private static readonly Dictionary<Rating, string> Marks = new()
    {
        [Rating.Good] = " 🟢",
        [Rating.Fair] = " 🟡",
        [Rating.Poor] = " 🔴",
    };

    /// <summary>Checks every row has one cell per column.</summary>
    /// <exception cref="ArgumentException">A row of the wrong length, named by index.</exception>
    public ComparisonTable Validated()
    {
        for (int r = 0; r < Rows.Count; r++)
        {
            if (Rows[r].Count != Columns.Count)
                throw new ArgumentException($"Row {r} of '{Title}' has {Rows[r].Count} cells, expected {Columns.Count} (one per column).");
        }
        return this;
    }

    /// <summary>An HTML table with coloured cells.</summary>
    public string ToHtml()
    {
        Validated();
        var html = new StringBuilder();
        html.Append("<div><b>").Append(WebUtility.HtmlEncode(Title)).Append("</b><table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (string column in Columns) html.Append("<th style=\"border:1px solid #bbb;padding:4px 8px\">").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                string background = Colours.TryGetValue(cell.Rating, out string? colour) ? $"background:{colour};color:#000;" : "";
                html.Append("<td style=\"border:1px solid #bbb;padding:4px 8px;").Append(background).Append("\">")
                    .Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>A Markdown table; ratings become coloured dots.</summary>
    public string ToMarkdown()
    {
        Validated();
        var markdown = new StringBuilder();
        markdown.Append("| ").Append(string.Join(" | ", Columns.Select(Escape))).Append(" |\n");
        markdown.Append('|').Append(string.Concat(Columns.Select(_ => "---|"))).Append('\n');
        foreach (var row in Rows)
            markdown.Append("| ").Append(string.Join(" | ", row.Select(c => Escape(c.Text) + (Marks.TryGetValue(c.Rating, out string? mark) ? mark : "")))).Append(" |\n");
        return markdown.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
