using System.Text;

namespace ActionGen.Site;

/// <summary>The index: the README's opening and its notebook table, each notebook linked to its page.</summary>
public static class IndexPage
{
    /// <summary>The heading of the README section the index takes its table from.</summary>
    public const string NotebooksHeading = "## The notebooks";

    /// <summary>The index body from the README text.</summary>
    /// <exception cref="InvalidDataException">The README has no "## The notebooks" section.</exception>
    public static string Render(string readme, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(readme);
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int firstSection = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal));
        int notebooks = Array.FindIndex(lines, l => l.TrimEnd() == NotebooksHeading);
        if (notebooks < 0) throw new InvalidDataException($"README.md has no '{NotebooksHeading}' section to take the notebook table from.");
        int end = Array.FindIndex(lines, notebooks + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var intro = lines.Take(firstSection < 0 ? lines.Length : firstSection);
        var table = lines.Skip(notebooks).Take((end < 0 ? lines.Length : end) - notebooks);

        var body = new StringBuilder();
        body.Append("<div class=\"cell markdown\">\n").Append(markdown.Render(string.Join('\n', intro), "")).Append("</div>\n");
        body.Append("<div class=\"cell markdown series\">\n").Append(markdown.Render(string.Join('\n', table), "")).Append("</div>\n");
        return body.ToString();
    }
}
