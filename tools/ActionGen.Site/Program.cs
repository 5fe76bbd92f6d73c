using System.Globalization;
using ActionGen.Site;

// Builds the series as a static website from the committed notebooks.
//   dotnet run --project tools/ActionGen.Site -- [--out DIR] [--source-url URL]
// --source-url: base URL of the repository's files (e.g. https://github.com/OWNER/REPO/blob/COMMIT) for links to
// notebooks and library files; without it they point at the local checkout. Exit code 0 on success, 1 on failure.

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: dotnet run --project tools/ActionGen.Site -- [--out DIR] [--source-url URL]");
    return 0;
}

try
{
    string root = FindRoot(Directory.GetCurrentDirectory());
    string output = Path.GetFullPath(Option("--out") ?? SiteOptions.DefaultOutput(root));
    var report = SiteBuilder.Build(new SiteOptions(root, output, Option("--source-url")));
    foreach (string note in report.Notes) Console.WriteLine($"note: {note}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Built {report.Pages} pages into {Path.GetRelativePath(root, output)}/ in {report.Elapsed.TotalSeconds:F1} s ({report.Bytes / 1048576.0:F1} MB). Open index.html; it works from file://."));
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ActionGen.slnx"))) return dir.FullName;
    }
    throw new DirectoryNotFoundException($"No ActionGen.slnx in {start} or any folder above it: run from inside the repository.");
}
