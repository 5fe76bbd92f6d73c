namespace ActionGen.Site;

/// <summary>Links from the site to files of the repository: on GitHub when a source URL is given, else in the local checkout.</summary>
/// <param name="options">The build's options.</param>
public sealed class RepositoryLinks(SiteOptions options)
{
    /// <summary>The href of <paramref name="repositoryPath"/> (forward slashes, relative to the repository root).</summary>
    public string For(string repositoryPath)
    {
        ArgumentNullException.ThrowIfNull(repositoryPath);
        string path = repositoryPath.Replace('\\', '/').TrimStart('/');
        if (options.SourceUrl is string url) return $"{url.TrimEnd('/')}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";
        string local = Path.GetRelativePath(options.OutputFolder, Path.Combine(options.Root, path)).Replace('\\', '/');
        return string.Join('/', local.Split('/').Select(Uri.EscapeDataString));
    }
}
