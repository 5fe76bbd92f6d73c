namespace ActionGen.Site;

/// <summary>What to build and where.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="OutputFolder">Where the site goes (default: artifacts/site).</param>
/// <param name="SourceUrl">
/// The base URL of the repository's files (e.g. https://github.com/owner/repo/blob/COMMIT), for links to notebooks and
/// library files; null links to the files of the local checkout instead, relative to the site folder.
/// </param>
public sealed record SiteOptions(string Root, string OutputFolder, string? SourceUrl)
{
    /// <summary>The default output folder under <paramref name="root"/>.</summary>
    public static string DefaultOutput(string root) => Path.Combine(root, "artifacts", "site");
}
