namespace ActionGen.Notebooks;

/// <summary>The folders the runner works with, found from the repository root.</summary>
/// <param name="Root">The repository root (the folder holding ActionGen.slnx).</param>
public sealed record RepositoryPaths(string Root)
{
    /// <summary>The marker file that identifies the repository root.</summary>
    public const string SolutionFile = "ActionGen.slnx";

    /// <summary>The source notebooks.</summary>
    public string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Where executed copies go (ignored by git).</summary>
    public string ExecutedNotebooks => Path.Combine(Root, "artifacts", "notebooks");

    /// <summary>Walks up from <paramref name="start"/> to the folder that holds <see cref="SolutionFile"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder above <paramref name="start"/>.</exception>
    public static RepositoryPaths FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return new RepositoryPaths(dir.FullName);
        }
        throw new DirectoryNotFoundException($"No {SolutionFile} in {start} or any folder above it: run from inside the repository.");
    }

    /// <summary>The series in order: every notebooks/NN-*.ipynb, sorted by name.</summary>
    public IReadOnlyList<string> SeriesNotebooks() =>
        Directory.GetFiles(Notebooks, "*.ipynb")
            .Where(p => IsSeriesName(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>True for names like <c>03-diffusion.ipynb</c>: two digits, a dash, a title.</summary>
    public static bool IsSeriesName(string fileName) =>
        fileName.Length > 9 && char.IsAsciiDigit(fileName[0]) && char.IsAsciiDigit(fileName[1]) && fileName[2] == '-'
        && fileName.EndsWith(".ipynb", StringComparison.Ordinal);
}
