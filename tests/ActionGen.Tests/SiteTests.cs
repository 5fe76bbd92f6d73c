using System.Diagnostics;
using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;
using ActionGen.Site;
using PuppeteerSharp;

namespace ActionGen.Tests;

/// <summary>
/// The site built from the committed notebooks, opened from file:// in headless Chromium with the network cut off:
/// every page loads without a console error, math is typeset, code highlighted, charts drawn, links resolve.
/// A screenshot of each page's first screen, as a reader opening it sees it, goes to artifacts/site-screenshots/ (not the
/// whole page: rastering every chart of a long page took a third of these tests' time).
/// </summary>
[Collection(TestSchedule.BrowserAndRunner)]
public class SiteTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly string SiteFolder = RepositoryRoot.Path("artifacts", "site");
    private static readonly string Screenshots = RepositoryRoot.Path("artifacts", "site-screenshots");
    private static readonly Lazy<(SiteReport Report, double Seconds)> Built = new(() =>
    {
        var clock = Stopwatch.StartNew();
        var report = SiteBuilder.Build(new SiteOptions(RepositoryRoot.Paths.Root, SiteFolder, SourceUrl: null));
        return (report, clock.Elapsed.TotalSeconds);
    });

    public static TheoryData<string> Pages() => new(PageNames());

    private static List<string> PageNames() =>
        ["index.html", .. RepositoryRoot.Paths.SeriesNotebooks().Select(p => Path.ChangeExtension(Path.GetFileName(p), ".html"))];

    [Fact]
    public void The_site_builds_from_the_committed_notebooks_in_under_a_minute()
    {
        var (report, seconds) = Built.Value;
        Assert.True(seconds < 60, $"the site took {seconds:F1} s to build");
        Assert.Equal(RepositoryRoot.Paths.SeriesNotebooks().Count + 1, report.Pages);
        foreach (string page in PageNames()) Assert.True(File.Exists(Path.Combine(SiteFolder, page)), $"{page} was not written");
        Assert.True(File.Exists(Path.Combine(SiteFolder, "assets", "plotly.min.js")));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_loads_offline_with_math_typeset_code_highlighted_charts_drawn_and_links_resolving(string pageName)
    {
        _ = Built.Value;
        var problems = new List<string>();
        await using var page = await browser.Chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (problems) problems.Add($"console error: {e.Message.Text}"); };
        page.PageError += (_, e) => { lock (problems) problems.Add($"page error: {e.Message}"); };
        page.RequestFailed += (_, e) => { lock (problems) problems.Add($"request failed: {e.Request.Url} ({e.Request.FailureText})"); };
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                await e.Request.ContinueAsync();
            else
                await e.Request.AbortAsync(); // the site must not need the network; the abort shows up as a failed request
        };

        await LoadWithChartsDrawnAsync(page, pageName);
        int charts = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('div.chart').length");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(Path.Combine(Screenshots, Path.ChangeExtension(pageName, ".png")), new ScreenshotOptions());

        string prose = await page.EvaluateExpressionAsync<string>(
            "(() => { const m = document.querySelector('main').cloneNode(true); m.querySelectorAll('pre, code, script, .katex').forEach(e => e.remove()); return m.textContent; })()");
        foreach (string raw in new[] { "$$", "\\(", "\\[" })
        {
            int at = prose.IndexOf(raw, StringComparison.Ordinal);
            if (at >= 0) problems.Add($"raw '{raw}' left in the prose: …{prose[Math.Max(0, at - 40)..Math.Min(prose.Length, at + 40)]}…");
        }
        int math = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main .math').length");
        int typeset = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main .math .katex').length");
        if (typeset != math) problems.Add($"{math - typeset} of {math} formulas not typeset by KaTeX");
        int errors = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main .katex-error').length");
        if (errors > 0) problems.Add($"{errors} formula(s) KaTeX could not parse");

        int code = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('pre.source code').length");
        int highlighted = await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('pre.source code')).filter(c => c.querySelector('.token')).length");
        if (highlighted != code) problems.Add($"{code - highlighted} of {code} code cells not highlighted");

        int drawn = await page.EvaluateExpressionAsync<int>(
            "Array.from(document.querySelectorAll('div.chart svg.main-svg')).filter(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 100).length");
        if (drawn < charts) problems.Add($"{charts - drawn} of {charts} charts did not draw their SVG");
        var gaps = await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('div.chart')).filter(d => d.querySelector('svg.main-svg'))" +
            ".map(d => [d.id, d.getBoundingClientRect().height - d.querySelector('svg.main-svg').getBoundingClientRect().height])" +
            ".filter(g => Math.abs(g[1]) > 4).map(g => g[0] + ': ' + Math.round(g[1]) + ' px')");
        foreach (string gap in gaps) problems.Add($"chart box and drawn chart differ in height (a blank band or a cut-off chart) — {gap}");
        if (pageName != "index.html")
        {
            int expected = ChartOutput.FindAll(IpynbJson.Load(Path.Combine(RepositoryRoot.Paths.Notebooks, Path.ChangeExtension(pageName, ".ipynb")))).Count;
            if (charts != expected) problems.Add($"the notebook has {expected} chart outputs, the page {charts}");
        }

        var hrefs = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
        foreach (string href in hrefs.Where(h => h.StartsWith("file:", StringComparison.Ordinal)))
        {
            var uri = new Uri(href);
            string path = Uri.UnescapeDataString(uri.AbsolutePath);
            if (!File.Exists(path) && !Directory.Exists(path)) { problems.Add($"link to a missing file: {href}"); continue; }
            string fragment = Uri.UnescapeDataString(uri.Fragment.TrimStart('#'));
            if (fragment.Length > 0 && path.EndsWith(".html", StringComparison.Ordinal) && !File.ReadAllText(path).Contains($"id=\"{fragment}\"", StringComparison.Ordinal))
                problems.Add($"link to a missing anchor: {href}");
        }
        foreach (string href in hrefs.Where(h => !h.StartsWith("file:", StringComparison.Ordinal)))
            problems.Add($"link leaves the local build: {href}");

        Assert.True(problems.Count == 0, $"{pageName}:\n{string.Join('\n', problems.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task On_a_phone_wide_charts_code_and_tables_scroll_in_their_own_box_and_the_page_never_scrolls_sideways(string pageName)
    {
        _ = Built.Value;
        const int phoneWidth = 400;
        await using var page = await browser.Chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = phoneWidth, Height = 800, IsMobile = true });
        await LoadWithChartsDrawnAsync(page, pageName);

        int pageWidth = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");
        // What sticks out of the screen without a scrolling box of its own around it (outermost only).
        var wide = await page.EvaluateFunctionAsync<string[]>("""
            screenWidth => {
              const sticksOut = e => e.getBoundingClientRect().right > screenWidth + 1;
              const escapes = e => sticksOut(e) && (() => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                  if (getComputedStyle(a).overflowX !== 'visible') return sticksOut(a) && escapes(a);
                return true; })();
              const all = Array.from(document.querySelectorAll('body *')).filter(escapes);
              return all.filter(e => !all.includes(e.parentElement)).slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '')
                          + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' px');
            }
            """, phoneWidth);
        Assert.True(pageWidth <= phoneWidth,
            $"{pageName} is {pageWidth} px wide on a {phoneWidth} px screen, so the whole page scrolls sideways; too wide: {string.Join("; ", wide)}");
    }

    [Fact]
    public void The_index_carries_the_readme_notebook_table_and_the_pages_chain_in_series_order()
    {
        _ = Built.Value;
        string index = File.ReadAllText(Path.Combine(SiteFolder, "index.html"));
        var series = RepositoryRoot.Paths.SeriesNotebooks().Select(p => Path.ChangeExtension(Path.GetFileName(p), ".html")).ToList();
        Assert.Contains("<table>", index, StringComparison.Ordinal);
        foreach (string page in series) Assert.Contains($"href=\"{page}\"", index, StringComparison.Ordinal);
        for (int i = 0; i < series.Count; i++)
        {
            string html = File.ReadAllText(Path.Combine(SiteFolder, series[i]));
            Assert.Contains($"rel=\"prev\" href=\"{(i == 0 ? "index.html" : series[i - 1])}\"", html, StringComparison.Ordinal);
            if (i + 1 < series.Count) Assert.Contains($"rel=\"next\" href=\"{series[i + 1]}\"", html, StringComparison.Ordinal);
            else Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_section_links_the_library_files_that_declare_the_types_its_code_uses_wherever_they_live()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "lib", "ActionGen", "Diffusion"));
        File.WriteAllText(Path.Combine(temp.Path, "lib", "ActionGen", "Diffusion", "ReverseStep.cs"),
            "namespace X;\n/// <summary>A step.</summary>\npublic static class ReverseStep { }\ninternal sealed class Hidden { }\n");
        var index = LibraryIndex.Scan(temp.Path);
        Assert.Equal(["lib/ActionGen/Diffusion/ReverseStep.cs"], index.Types["ReverseStep"]);
        Assert.False(index.Types.ContainsKey("Hidden"));

        // Moved into a per-method folder: the link follows without any path written down.
        Directory.CreateDirectory(Path.Combine(temp.Path, "lib", "ActionGen", "Methods", "Ddpm"));
        File.Move(Path.Combine(temp.Path, "lib", "ActionGen", "Diffusion", "ReverseStep.cs"), Path.Combine(temp.Path, "lib", "ActionGen", "Methods", "Ddpm", "ReverseStep.cs"));
        index = LibraryIndex.Scan(temp.Path);
        Assert.Equal(["lib/ActionGen/Methods/Ddpm/ReverseStep.cs"], index.Types["ReverseStep"]);

        var cells = new[]
        {
            Cell("markdown", "## The DDPM step"), Cell("code", "// ReverseStep in a comment does not count\nvar x = 1;"),
            Cell("code", "var next = ReverseStep.Ddpm(x);"), Cell("markdown", "## Next section"), Cell("code", "Unrelated();"),
        };
        var used = index.UsedBy(NotebookPage.SectionCode(cells, 0));
        Assert.Equal("ReverseStep", Assert.Single(used).Type);
        Assert.Empty(index.UsedBy(NotebookPage.SectionCode(cells, 3)));
    }

    [Fact]
    public void On_the_real_site_a_section_links_the_file_of_a_type_its_code_uses()
    {
        _ = Built.Value;
        var index = LibraryIndex.Scan(RepositoryRoot.Paths.Root);
        Assert.True(index.Types.TryGetValue("ObstacleScene", out var files), "the library declares no public ObstacleScene");
        string page = File.ReadAllText(Path.Combine(SiteFolder, "00-deterministic-vs-probabilistic.html"));
        string href = new RepositoryLinks(new SiteOptions(RepositoryRoot.Paths.Root, SiteFolder, null)).For(files[0]);
        Assert.Contains($"<a href=\"{href}\" title=\"{files[0]}\"><code>ObstacleScene</code></a>", page, StringComparison.Ordinal);
        Assert.Equal($"https://github.com/o/r/blob/abc/{files[0]}", new RepositoryLinks(new SiteOptions(RepositoryRoot.Paths.Root, SiteFolder, "https://github.com/o/r/blob/abc")).For(files[0]));
    }

    [Fact]
    public void Formulas_reach_KaTeX_intact_including_ones_that_span_lines_and_none_are_taken_from_code()
    {
        var links = new RepositoryLinks(new SiteOptions(RepositoryRoot.Paths.Root, SiteFolder, null));
        var markdown = new MarkdownRenderer(links, new Dictionary<string, string>());
        string html = markdown.Render(
            "Jump:\n\n$$x_{t'} = \\sqrt{\\bar\\alpha}\\,\\hat x_0,\\qquad\n\\sigma = 1,$$\n\n" +
            "inline $p(a \\mid s)$, a price \\$5, code `$\"{x}\"` and\n\n```csharp\nvar s = $\"{a}$\";\n```\n", "notebooks");
        Assert.Contains("<span class=\"math display\">\\[x_{t&#39;} = \\sqrt{\\bar\\alpha}\\,\\hat x_0,\\qquad\n\\sigma = 1,\\]</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"math\">\\(p(a \\mid s)\\)</span>", html, StringComparison.Ordinal);
        Assert.Contains("a price $5", html, StringComparison.Ordinal);
        Assert.Contains("<code>$&quot;{x}&quot;</code>", html, StringComparison.Ordinal);
        Assert.Contains("var s = $&quot;{a}$&quot;;", html, StringComparison.Ordinal);
    }

    /// <summary>Opens a site page from file:// and waits until plotly.js has drawn every chart on it (at most 30 s).</summary>
    private static async Task LoadWithChartsDrawnAsync(IPage page, string pageName)
    {
        await page.GoToAsync(new Uri(Path.Combine(SiteFolder, pageName)).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('div.chart')).every(d => d.querySelector('svg.main-svg'))",
            new WaitForFunctionOptions { Timeout = 30_000 });
    }

    private static JsonObject Cell(string type, string source) => new() { ["cell_type"] = type, ["source"] = source, ["metadata"] = new JsonObject() };
}
