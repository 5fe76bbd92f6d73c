using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionGen.Site;

/// <summary>
/// Markdown to HTML with Markdig, with GitHub's extensions (pipe tables, heading ids, strikethrough, task lists, auto
/// links, footnotes). Formulas are kept out of Markdig's way (<see cref="MathSpans"/>) and left for KaTeX to typeset
/// in the browser. Relative links are rewritten: a series notebook becomes its page, any other repository file a
/// link to that file.
/// </summary>
/// <param name="links">Links into the repository.</param>
/// <param name="pageNames">The series' notebook file names mapped to their page names.</param>
public sealed class MarkdownRenderer(RepositoryLinks links, IReadOnlyDictionary<string, string> pageNames)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .Build();

    /// <summary>Renders <paramref name="markdown"/>, resolving relative links against <paramref name="folder"/> (repository-relative, "" for the root).</summary>
    public string Render(string markdown, string folder)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var (text, math) = MathSpans.Protect(markdown);
        var document = Markdown.Parse(text, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is string url) link.Url = Rewrite(url, folder);
        }
        return math.Restore(document.ToHtml(Pipeline));
    }

    private string Rewrite(string url, string folder)
    {
        if (url.Length == 0 || url.StartsWith('#') || url.StartsWith('/') || Uri.TryCreate(url, UriKind.Absolute, out _)) return url;
        int hash = url.IndexOf('#', StringComparison.Ordinal);
        string path = hash < 0 ? url : url[..hash];
        string fragment = hash < 0 ? "" : url[hash..];
        string repositoryPath = Normalize(folder.Length == 0 ? path : $"{folder}/{path}");
        string name = Path.GetFileName(repositoryPath);
        if (repositoryPath == $"notebooks/{name}" && pageNames.TryGetValue(name, out string? page)) return page + fragment;
        return links.For(repositoryPath) + fragment;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
