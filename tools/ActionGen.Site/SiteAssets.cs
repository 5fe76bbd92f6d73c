using ActionGen.NotebookOutputs;

namespace ActionGen.Site;

/// <summary>Copies what the pages load into assets/: KaTeX, Prism and plotly.js from npm, and the site's own stylesheet and script.</summary>
public static class SiteAssets
{
    /// <summary>Copies every asset into <paramref name="outputFolder"/>/assets.</summary>
    /// <exception cref="InvalidOperationException">The npm packages are not installed; the message says how to install them.</exception>
    public static void Copy(string root, string outputFolder)
    {
        var web = new WebAssets(root);
        if (web.Problem() is string problem) throw new InvalidOperationException($"Cannot build the site: {problem}.");
        string assets = Path.Combine(outputFolder, "assets");
        CopyFile(Path.Combine(web.KatexDist, "katex.min.css"), Path.Combine(assets, "katex", "katex.min.css"));
        CopyFile(Path.Combine(web.KatexDist, "katex.min.js"), Path.Combine(assets, "katex", "katex.min.js"));
        CopyFile(Path.Combine(web.KatexDist, "contrib", "auto-render.min.js"), Path.Combine(assets, "katex", "contrib", "auto-render.min.js"));
        foreach (string font in Directory.GetFiles(Path.Combine(web.KatexDist, "fonts")))
            CopyFile(font, Path.Combine(assets, "katex", "fonts", Path.GetFileName(font)));
        CopyFile(Path.Combine(web.Prism, "prism.js"), Path.Combine(assets, "prism", "prism.js"));
        CopyFile(Path.Combine(web.Prism, "components", "prism-csharp.min.js"), Path.Combine(assets, "prism", "prism-csharp.min.js"));
        CopyFile(Path.Combine(web.Prism, "themes", "prism.min.css"), Path.Combine(assets, "prism", "prism.css"));
        CopyFile(web.PlotlyJs, Path.Combine(assets, "plotly.min.js"));
        string own = Path.Combine(root, "tools", "ActionGen.Site", "assets");
        foreach (string file in Directory.GetFiles(own)) CopyFile(file, Path.Combine(assets, Path.GetFileName(file)));
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
