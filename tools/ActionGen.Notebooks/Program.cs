using System.Globalization;
using ActionGen.Notebooks;

// Runs the notebook series headless, in order (or several at once with --parallel), and reports.
//   dotnet run --project tools/ActionGen.Notebooks -- [--quick] [--timeout-minutes N] [--threads N] [--parallel N] [--write-outputs] [notebook ...]
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

int parallel = Math.Min(arguments.Parallel, notebooks.Count);
var options = arguments.Options with { Threads = RunSchedule.ThreadsPerNotebook(arguments.Options.Threads, parallel, Environment.ProcessorCount) };
var runner = new NotebookRunner(paths);
string layout = parallel == 1 ? "" : $", {parallel} at a time with {options.Threads} libtorch thread(s) each";
Console.WriteLine($"Running {notebooks.Count} notebook(s) headless, {(options.Quick ? "quick" : "full")} mode{layout}; executed copies go to {Path.GetRelativePath(paths.Root, paths.ExecutedNotebooks)}/");
runner.RestoreTools();
await using var outputs = await OutputPipeline.StartAsync(paths, arguments.WriteOutputs, options.Quick, Console.WriteLine);

// One line at a time, and a single progress line (\r) that every running notebook shares when the console is a terminal.
bool interactive = !Console.IsOutputRedirected;
var console = new object();
var running = new SortedDictionary<int, double>();
void Report(string line)
{
    lock (console)
    {
        if (interactive) Console.Write("\r" + new string(' ', Math.Min(Console.BufferWidth - 1, 160)) + "\r");
        Console.WriteLine(line);
    }
}
void Tick(int index, TimeSpan elapsed, ref int lastReport, string prefix)
{
    lock (console)
    {
        running[index] = elapsed.TotalSeconds;
        if (interactive)
            Console.Write("\r" + string.Join("  ", running.Select(r => $"{Path.GetFileName(notebooks[r.Key])[..2]} · {r.Value:F0} s")) + " ");
        else if ((int)elapsed.TotalSeconds / 30 > lastReport)
        {
            lastReport = (int)elapsed.TotalSeconds / 30;
            Console.WriteLine($"{prefix} · still running, {elapsed.TotalSeconds:F0} s");
        }
    }
}

var results = new NotebookResult?[notebooks.Count];
var queue = new System.Collections.Concurrent.ConcurrentQueue<int>(RunSchedule.StartOrder(notebooks, parallel));
using var afterRun = new SemaphoreSlim(1);                 // one static-image renderer and one write-back at a time
async Task Lane()
{
    while (queue.TryDequeue(out int i))
    {
        string prefix = $"[{i + 1}/{notebooks.Count}] {Path.GetFileName(notebooks[i])}";
        int lastReport = 0;
        var result = await Task.Run(() => runner.Run(notebooks[i], options, elapsed => Tick(i, elapsed, ref lastReport, prefix)));
        lock (console) running.Remove(i);
        Report($"{prefix} · {result.CodeCells} code cells · {result.Status} · {result.Seconds:F1} s");
        await afterRun.WaitAsync();
        try
        {
            string line = await outputs.AfterRunAsync(notebooks[i], result);
            if (line.Length > 0) Report(line);
        }
        finally
        {
            afterRun.Release();
        }
        results[i] = result;
    }
}
var wall = System.Diagnostics.Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Lane()));
var finished = results.Select(r => r!).ToList();

Console.WriteLine();
Console.WriteLine(SummaryTable.Render(finished));
var firstFailure = finished.FirstOrDefault(r => !r.Passed);
if (firstFailure is null && outputs.Failures > 0)
{
    Console.Error.WriteLine($"{outputs.Failures} notebook(s) passed but their outputs could not be post-processed or written back (see ✘ above).");
    return 1;
}
if (firstFailure is null)
{
    string wallTime = parallel == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({wall.Elapsed.TotalSeconds:F0} s of wall time, {parallel} at a time)");
    Console.WriteLine($"All {finished.Count} notebook(s) passed in {finished.Sum(r => r.Seconds).ToString("F0", CultureInfo.InvariantCulture)} s{wallTime}.");
    return 0;
}
Console.Error.WriteLine();
Console.Error.WriteLine("First failure: " + firstFailure.Describe());
return 1;
