using System.Globalization;
using ActionGen.Benchmarks;
using ActionGen.Runtime;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Runs the speed benchmarks (BenchmarkDotNet, short job) and the native-memory check, and writes
// benchmarks/RESULTS.md. Run in Release:
//   dotnet run -c Release --project benchmarks/ActionGen.Benchmarks            (everything)
//   dotnet run -c Release --project benchmarks/ActionGen.Benchmarks -- memory  (the memory check only)
//   dotnet run -c Release --project benchmarks/ActionGen.Benchmarks -- tokens  (the token policy's benchmarks only, printed, RESULTS.md untouched)
//   dotnet run -c Release --project benchmarks/ActionGen.Benchmarks -- allocator  (kept freed memory against glibc's defaults, printed, RESULTS.md untouched)
// ACTIONGEN_THREADS pins libtorch's threads (default here: 1, so numbers are comparable on a busy 2-core machine).
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TorchRuntime.ThreadsVariable)))
    Environment.SetEnvironmentVariable(TorchRuntime.ThreadsVariable, "1");
var runtime = TorchRuntime.Initialize();

string root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "ActionGen.slnx"))) root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("Run from inside the repository.");
string resultsPath = Path.Combine(root, "benchmarks", "RESULTS.md");

var sections = new List<string>
{
    "# Benchmark results",
    "",
    FormattableString.Invariant($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, TorchSharp {TorchRuntime.TorchSharpVersion}, libtorch {runtime.Backend}, **{runtime.Threads} libtorch thread(s)**."),
    "Regenerate with `dotnet run -c Release --project benchmarks/ActionGen.Benchmarks`.",
};

bool memoryOnly = args.Contains("memory");
bool tokensOnly = args.Contains("tokens");
bool allocatorOnly = args.Contains("allocator");
if (!memoryOnly)
{
    var reporting = ManualConfig.CreateEmpty()
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    var config = ManualConfig.Union(reporting, ManualConfig.CreateEmpty().AddJob(Job.ShortRun.WithId("short")));
    Type[] suites = tokensOnly ? [typeof(TokenTrainStepBenchmarks), typeof(TokenSamplingBenchmarks)]
        : allocatorOnly ? [typeof(NativeHeapBenchmarks)]
        : [typeof(TrainStepBenchmarks), typeof(SamplingBenchmarks), typeof(FlowMatchingBenchmarks), typeof(TokenTrainStepBenchmarks), typeof(TokenSamplingBenchmarks), typeof(NativeHeapBenchmarks)];
    // NativeHeapBenchmarks brings its own two jobs (one per allocator setting); the others run the short job.
    foreach (var summary in suites.Select(suite => BenchmarkRunner.Run(suite, suite == typeof(NativeHeapBenchmarks) ? reporting : config)))
    {
        sections.Add("");
        sections.Add($"## {summary.Title.Split('-')[0].Replace("ActionGen.Benchmarks.", "", StringComparison.Ordinal)}");
        sections.Add("");
        sections.Add(MarkdownTable(summary));
    }
}

if (tokensOnly || allocatorOnly)
{
    Console.WriteLine(string.Join('\n', sections));
    return 0;
}

var (passed, memory) = MemoryCheck.Run();
sections.Add("");
sections.Add($"## Native memory over {MemoryCheck.Steps:N0} training steps");
sections.Add("");
sections.Add(memory);
if (!memoryOnly) File.WriteAllText(resultsPath, string.Join('\n', sections) + "\n");
Console.WriteLine(memory);
Console.WriteLine(memoryOnly ? "" : $"Wrote {resultsPath}");
return passed ? 0 : 1;

static string MarkdownTable(Summary summary)
{
    using var writer = new StringWriter(CultureInfo.InvariantCulture);
    var logger = new BenchmarkDotNet.Loggers.TextLogger(writer);
    MarkdownExporter.GitHub.ExportToLog(summary, logger);
    return string.Join('\n', writer.ToString().Split('\n').SkipWhile(line => !line.StartsWith('|')));
}
