using System.Globalization;
using System.Net;
using System.Text;

namespace ActionGen.Site;

/// <summary>The page shell: stylesheets, header, the body, previous/next links, and the scripts (all from assets/).</summary>
public static class PageTemplate
{
    /// <summary>A link in the pager.</summary>
    /// <param name="Href">Where it goes.</param>
    /// <param name="Title">What it says.</param>
    public sealed record PageLink(string Href, string Title);

    /// <summary>A full HTML page.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="body">The main content.</param>
    /// <param name="previous">The previous page, if any.</param>
    /// <param name="next">The next page, if any.</param>
    /// <param name="footer">The footer's HTML.</param>
    /// <param name="charts">True when the page draws charts (loads plotly.js).</param>
    public static string Render(string title, string body, PageLink? previous, PageLink? next, string footer, bool charts)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · ActionGen</title>
            <link rel="stylesheet" href="assets/katex/katex.min.css">
            <link rel="stylesheet" href="assets/prism/prism.css">
            <link rel="stylesheet" href="assets/site.css">
            </head>
            <body>
            <header class="site-header"><a href="index.html">ActionGen · how robot policies generate actions</a>{Pager(previous, next, "top")}</header>
            <main>
            {body}
            </main>
            {Pager(previous, next, "bottom")}
            <footer>{footer}</footer>
            <script src="assets/katex/katex.min.js"></script>
            <script src="assets/katex/contrib/auto-render.min.js"></script>
            <script src="assets/prism/prism.js"></script>
            <script src="assets/prism/prism-csharp.min.js"></script>

            """);
        if (charts) page.Append("<script src=\"assets/plotly.min.js\"></script>\n");
        page.Append("<script src=\"assets/site.js\"></script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Pager(PageLink? previous, PageLink? next, string where)
    {
        if (previous is null && next is null) return "";
        string Link(PageLink? link, string rel, string arrow) => link is null ? "<span></span>" :
            $"<a rel=\"{rel}\" href=\"{link.Href}\">{(rel == "prev" ? arrow + " " : "")}{WebUtility.HtmlEncode(link.Title)}{(rel == "next" ? " " + arrow : "")}</a>";
        return $"<nav class=\"pager pager-{where}\">{Link(previous, "prev", "←")}{Link(next, "next", "→")}</nav>";
    }
}
