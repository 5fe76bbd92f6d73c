using System.Diagnostics;
using System.Net;
using ActionGen.NotebookOutputs;

namespace ActionGen.Site;

/// <summary>Builds the site: an index from the README, one page per series notebook, assets served from the site.</summary>
public static class SiteBuilder
{
    /// <summary>The file that marks a folder as a built site, so a rebuild may clear it.</summary>
    public const string Marker = ".actiongen-site";

    /// <summary>Builds the site described by <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The npm packages are missing, or the output folder holds something else.</exception>
    public static SiteReport Build(SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        PrepareFolder(options.OutputFolder);
        SiteAssets.Copy(options.Root, options.OutputFolder);

        var series = SeriesNotebook.LoadSeries(options.Root);
        if (series.Count == 0) throw new InvalidOperationException($"No notebooks named NN-*.ipynb in {Path.Combine(options.Root, "notebooks")}.");
        var links = new RepositoryLinks(options);
        var markdown = new MarkdownRenderer(links, series.ToDictionary(s => s.FileName, s => s.PageName, StringComparer.Ordinal));
        var pages = new NotebookPage(markdown, LibraryIndex.Scan(options.Root), links);
        var notes = new List<string>();

        string index = IndexPage.Render(File.ReadAllText(Path.Combine(options.Root, "README.md")), markdown);
        Write(options, "index.html", PageTemplate.Render("The series", index, null, Link(series[0]),
            $"Built from <a href=\"{links.For("README.md")}\">README.md</a> and the notebooks in <a href=\"{links.For("notebooks")}\">notebooks/</a>.", charts: false));

        for (int i = 0; i < series.Count; i++)
        {
            var (body, charts) = pages.Render(series[i]);
            int stale = OutputFreshness.Check(series[i].Notebook, series[i].FileName).Count;
            string outputs = stale == 0
                ? "Outputs as committed, from a full-mode run on a CPU."
                : $"{stale} code cell(s) have no committed outputs yet (refresh with the runner's --write-outputs).";
            if (stale > 0) notes.Add($"{series[i].FileName}: {stale} code cell(s) without committed outputs");
            string footer = $"From <a href=\"{links.For($"notebooks/{series[i].FileName}")}\">notebooks/{WebUtility.HtmlEncode(series[i].FileName)}</a>. {outputs}";
            var previous = i == 0 ? new PageTemplate.PageLink("index.html", "The series") : Link(series[i - 1]);
            var next = i + 1 < series.Count ? Link(series[i + 1]) : null;
            Write(options, series[i].PageName, PageTemplate.Render(series[i].Title, body, previous, next, footer, charts));
        }

        long bytes = Directory.EnumerateFiles(options.OutputFolder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new SiteReport(options.OutputFolder, series.Count + 1, bytes, clock.Elapsed, notes);
    }

    private static PageTemplate.PageLink Link(SeriesNotebook notebook) => new(notebook.PageName, notebook.Title);

    private static void Write(SiteOptions options, string name, string html) =>
        File.WriteAllText(Path.Combine(options.OutputFolder, name), html);

    private static void PrepareFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            bool ours = File.Exists(Path.Combine(folder, Marker)) || !Directory.EnumerateFileSystemEntries(folder).Any();
            if (!ours) throw new InvalidOperationException($"{folder} exists and is not a site this tool built ({Marker} is missing): choose another --out.");
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Marker), "Built by tools/ActionGen.Site; rebuilt from scratch each time.\n");
    }
}
