namespace ActionGen.NotebookOutputs;

/// <summary>
/// The browser libraries the tools serve from local files, installed from npm by the repository's own lock file
/// (<c>npm ci --prefix tools/web-assets</c>): plotly.js for static chart images and the site's charts, KaTeX for the
/// site's math, Prism for its C# highlighting.
/// </summary>
/// <param name="Root">The repository root.</param>
public sealed record WebAssets(string Root)
{
    /// <summary>The command that installs them, for messages.</summary>
    public const string InstallCommand = "npm ci --prefix tools/web-assets";

    /// <summary>The folder with package.json and package-lock.json.</summary>
    public string Folder => Path.Combine(Root, "tools", "web-assets");

    /// <summary>The installed packages.</summary>
    public string Modules => Path.Combine(Folder, "node_modules");

    /// <summary>plotly.js, the same version Plotly.NET 6 loads from its CDN in the notebooks.</summary>
    public string PlotlyJs => Path.Combine(Modules, "plotly.js-dist-min", "plotly.min.js");

    /// <summary>KaTeX's distribution folder (script, stylesheet, fonts, auto-render).</summary>
    public string KatexDist => Path.Combine(Modules, "katex", "dist");

    /// <summary>Prism's package folder (core, language components, themes).</summary>
    public string Prism => Path.Combine(Modules, "prismjs");

    /// <summary>Null when every asset is installed, else what is missing and how to install it.</summary>
    public string? Problem()
    {
        string[] required = [PlotlyJs, Path.Combine(KatexDist, "katex.min.js"), Path.Combine(Prism, "prism.js")];
        string? missing = required.FirstOrDefault(p => !File.Exists(p));
        return missing is null ? null : $"{Path.GetRelativePath(Root, missing)} is not installed (run: {InstallCommand})";
    }
}
