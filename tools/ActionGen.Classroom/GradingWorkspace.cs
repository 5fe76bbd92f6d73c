using System.Globalization;
using System.Security.Cryptography;
using ActionGen.Notebooks;

namespace ActionGen.Classroom;

/// <summary>
/// A grading run's own folder, <c>artifacts/grading/&lt;time&gt;-&lt;random&gt;/</c>: grading notebooks, results files and
/// executed copies, so two runs from one checkout never share a file and the series' artifacts/notebooks/ is never written.
/// </summary>
public sealed class GradingWorkspace : IDisposable
{
    private readonly bool keep;

    private GradingWorkspace(string path, bool keep)
    {
        Path = path;
        this.keep = keep;
        Directory.CreateDirectory(path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Where executed copies go.</summary>
    public string Executed => System.IO.Path.Combine(Path, "executed");

    /// <summary>A new folder under <c>artifacts/grading/</c>; deleted on dispose unless <paramref name="keep"/>.</summary>
    public static GradingWorkspace Create(RepositoryPaths paths, bool keep)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return new GradingWorkspace(System.IO.Path.Combine(paths.Root, "artifacts", "grading", $"{stamp}-{unique}"), keep);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (keep) return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder under artifacts/ (ignored by git) is not worth failing a grade for.
        }
    }
}
