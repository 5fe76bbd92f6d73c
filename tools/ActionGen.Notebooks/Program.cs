using System.Globalization;
using ActionGen.Notebooks;

// Runs the notebook series headless, in order, and reports.
//   dotnet run --project tools/ActionGen.Notebooks -- [--quick] [--timeout-minutes N] [--threads N] [--write-outputs] [notebook ...]
// Exit code 0 when every notebook passed, 1 when one failed (named with cell and error), 2 for bad arguments.

var arguments = CommandLine.Parse(args, Environment.GetEnvironmentVariable("ACTIONGEN_QUICK"));
if (arguments.Error is not null)
{
    Console.Error.WriteLine(arguments.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
if (arguments.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var paths = RepositoryPaths.FindFrom(Directory.GetCurrentDirectory());
var notebooks = arguments.Notebooks.Count > 0
    ? arguments.Notebooks.Select(Path.GetFullPath).ToList()
    : paths.SeriesNotebooks();
if (notebooks.Count == 0)
{
    Console.Error.WriteLine($"No notebooks named NN-*.ipynb in {paths.Notebooks}.");
    return 1;
}

var runner = new NotebookRunner(paths);
Console.WriteLine($"Running {notebooks.Count} notebook(s) headless, {(arguments.Options.Quick ? "quick" : "full")} mode; executed copies go to {Path.GetRelativePath(paths.Root, paths.ExecutedNotebooks)}/");
runner.RestoreTools();
await using var outputs = await OutputPipeline.StartAsync(paths, arguments.WriteOutputs, arguments.Options.Quick, Console.WriteLine);

bool interactive = !Console.IsOutputRedirected;
var results = new List<NotebookResult>();
for (int i = 0; i < notebooks.Count; i++)
{
    string name = Path.GetFileName(notebooks[i]);
    string prefix = $"[{i + 1}/{notebooks.Count}] {name}";
    int lastReport = 0;
    var result = runner.Run(notebooks[i], arguments.Options, elapsed =>
    {
        if (interactive) Console.Write($"\r{prefix} · {elapsed.TotalSeconds:F0} s ");
        else if ((int)elapsed.TotalSeconds / 30 > lastReport)
        {
            lastReport = (int)elapsed.TotalSeconds / 30;
            Console.WriteLine($"{prefix} · still running, {elapsed.TotalSeconds:F0} s");
        }
    });
    if (interactive) Console.Write('\r');
    Console.WriteLine($"{prefix} · {result.CodeCells} code cells · {result.Status} · {result.Seconds:F1} s");
    string afterRun = await outputs.AfterRunAsync(notebooks[i], result);
    if (afterRun.Length > 0) Console.WriteLine(afterRun);
    results.Add(result);
}

Console.WriteLine();
Console.WriteLine(SummaryTable.Render(results));
var firstFailure = results.FirstOrDefault(r => !r.Passed);
if (firstFailure is null && outputs.Failures > 0)
{
    Console.Error.WriteLine($"{outputs.Failures} notebook(s) passed but their outputs could not be post-processed or written back (see ✘ above).");
    return 1;
}
if (firstFailure is null)
{
    Console.WriteLine($"All {results.Count} notebook(s) passed in {results.Sum(r => r.Seconds).ToString("F0", CultureInfo.InvariantCulture)} s.");
    return 0;
}
Console.Error.WriteLine();
Console.Error.WriteLine("First failure: " + firstFailure.Describe());
return 1;
