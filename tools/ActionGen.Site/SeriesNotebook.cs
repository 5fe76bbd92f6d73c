using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActionGen.NotebookOutputs;

namespace ActionGen.Site;

/// <summary>One notebook of the series and the page it becomes.</summary>
/// <param name="SourcePath">The .ipynb file.</param>
/// <param name="Notebook">Its parsed contents.</param>
public sealed partial record SeriesNotebook(string SourcePath, JsonObject Notebook)
{
    /// <summary>The file name, e.g. 03-diffusion-policy.ipynb.</summary>
    public string FileName => Path.GetFileName(SourcePath);

    /// <summary>The page's file name, e.g. 03-diffusion-policy.html.</summary>
    public string PageName => Path.ChangeExtension(FileName, ".html");

    /// <summary>The notebook's title: its first markdown heading, or the file name.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in IpynbJson.Cells(Notebook).Where(c => (string?)c["cell_type"] == "markdown"))
            {
                var heading = FirstHeading().Match(IpynbJson.Text(cell["source"]));
                if (heading.Success) return heading.Groups[1].Value.Trim();
            }
            return Path.GetFileNameWithoutExtension(FileName);
        }
    }

    /// <summary>The series in order: every notebooks/NN-*.ipynb.</summary>
    public static IReadOnlyList<SeriesNotebook> LoadSeries(string root) =>
        Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Where(p => SeriesName().IsMatch(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => new SeriesNotebook(p, IpynbJson.Load(p)))
            .ToList();

    /// <summary>True for names like 03-diffusion-policy.ipynb.</summary>
    public static bool IsSeriesName(string fileName) => SeriesName().IsMatch(fileName);

    [GeneratedRegex(@"^\d\d-.+\.ipynb$")]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"^#\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstHeading();
}
