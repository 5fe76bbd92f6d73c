using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActionGen.NotebookOutputs;

namespace ActionGen.Site;

/// <summary>
/// One notebook as a page: markdown rendered, code highlighted, outputs shown, and under each section (## heading)
/// one hop from concept to code — links to the library files that declare the types the section's code uses.
/// </summary>
/// <param name="markdown">Renders markdown cells.</param>
/// <param name="library">Finds the library types a section's code uses.</param>
/// <param name="links">Links into the repository.</param>
public sealed partial class NotebookPage(MarkdownRenderer markdown, LibraryIndex library, RepositoryLinks links)
{
    /// <summary>The page body, and whether it has charts.</summary>
    public (string Body, bool Charts) Render(SeriesNotebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = IpynbJson.Cells(notebook.Notebook);
        var body = new StringBuilder();
        bool charts = false;
        for (int i = 0; i < cells.Count; i++)
        {
            string source = IpynbJson.Text(cells[i]["source"]);
            if (IpynbJson.IsCode(cells[i]))
            {
                body.Append("<div class=\"cell code\">\n<pre class=\"source\"><code class=\"language-csharp\">")
                    .Append(WebUtility.HtmlEncode(source)).Append("</code></pre>\n");
                if (cells[i]["outputs"] is JsonArray outputs && outputs.Count > 0)
                    body.Append("<div class=\"outputs\">\n").Append(OutputHtml.Render(outputs, i, ref charts)).Append("</div>\n");
                body.Append("</div>\n");
                continue;
            }
            if ((string?)cells[i]["cell_type"] != "markdown") continue;
            body.Append("<div class=\"cell markdown\">\n").Append(markdown.Render(source, "notebooks")).Append("</div>\n");
            if (SectionHeading().IsMatch(source)) body.Append(CodeLinks(SectionCode(cells, i)));
        }
        return (body.ToString(), charts);
    }

    /// <summary>The code of the section a ## heading in cell <paramref name="headingCell"/> opens: its code cells up to the next ## heading.</summary>
    internal static string SectionCode(IReadOnlyList<JsonObject> cells, int headingCell)
    {
        var code = new StringBuilder();
        for (int j = headingCell + 1; j < cells.Count; j++)
        {
            string source = IpynbJson.Text(cells[j]["source"]);
            if (!IpynbJson.IsCode(cells[j]))
            {
                if (SectionHeading().IsMatch(source)) break;
                continue;
            }
            code.Append(source).Append('\n');
        }
        return code.ToString();
    }

    private string CodeLinks(string sectionCode)
    {
        var used = library.UsedBy(sectionCode);
        if (used.Count == 0) return "";
        var items = used.SelectMany(u => u.Files.Select(file =>
            $"<a href=\"{links.For(file)}\" title=\"{WebUtility.HtmlEncode(file)}\"><code>{WebUtility.HtmlEncode(u.Type)}</code></a>"));
        return $"<aside class=\"code-links\"><span class=\"label\">In the library:</span> {string.Join(" · ", items)}</aside>\n";
    }

    [GeneratedRegex(@"^##\s", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}
