using System.Diagnostics;

namespace ActionGen.Notebooks;

/// <summary>Options for running notebooks headless.</summary>
/// <param name="Quick">Sets ACTIONGEN_QUICK=1 for the kernel: smaller training budgets, same assertions.</param>
/// <param name="Timeout">The most one notebook may take before it is stopped.</param>
/// <param name="Threads">When set, pins libtorch's thread count in the kernel (ACTIONGEN_THREADS).</param>
/// <param name="ExecutedFolder">Where the executed copy goes (default: the series' artifacts/notebooks/).</param>
/// <param name="WorkingDirectory">The kernel's current directory, against which relative paths resolve (default: the notebook's folder).</param>
/// <param name="EnvironmentVariables">More environment variables for the kernel process.</param>
public sealed record NotebookRunOptions(
    bool Quick, TimeSpan Timeout, int? Threads = null,
    string? ExecutedFolder = null, string? WorkingDirectory = null, IReadOnlyDictionary<string, string>? EnvironmentVariables = null);

/// <summary>
/// Runs one notebook with the pinned dotnet-repl, in the notebook's own folder (so relative #r paths resolve as in
/// VS Code), writing the executed copy elsewhere. The source notebook is never written.
/// </summary>
public sealed class NotebookRunner(RepositoryPaths paths)
{
    /// <summary>Restores the pinned tools (dotnet-repl, dotnet-interactive). Cheap when already restored.</summary>
    /// <exception cref="InvalidOperationException">The restore failed; the message carries its output.</exception>
    public void RestoreTools()
    {
        var (code, output) = RunDotnet(["tool", "restore"], paths.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(10));
        if (code != 0) throw new InvalidOperationException($"dotnet tool restore failed (exit {code}):\n{output}");
    }

    /// <summary>Runs <paramref name="notebookPath"/> and reports, never throwing for a notebook's own failure.</summary>
    /// <param name="notebookPath">The source notebook.</param>
    /// <param name="options">Quick mode, time limit, threads.</param>
    /// <param name="onTick">Called about once a second with the elapsed time, for progress display.</param>
    public NotebookResult Run(string notebookPath, NotebookRunOptions options, Action<TimeSpan>? onTick = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string name = Path.GetFileName(notebookPath);
        int codeCells;
        try
        {
            codeCells = NotebookFile.CountCodeCells(NotebookFile.Load(notebookPath));
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            return new NotebookResult(name, NotebookStatus.Invalid, 0, 0, null, null, e.Message);
        }

        string executedFolder = options.ExecutedFolder ?? paths.ExecutedNotebooks;
        Directory.CreateDirectory(executedFolder);
        string executedCopy = Path.Combine(executedFolder, name);
        File.Delete(executedCopy);

        // ACTIONGEN_HEADLESS: progress displays show only their final line (every update would be a separate output here).
        var environment = new Dictionary<string, string> { ["ACTIONGEN_QUICK"] = options.Quick ? "1" : "0", ["ACTIONGEN_HEADLESS"] = "1" };
        if (options.Threads is int threads) environment["ACTIONGEN_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in options.EnvironmentVariables ?? new Dictionary<string, string>()) environment[key] = value;

        var clock = Stopwatch.StartNew();
        string notebookDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var (exitCode, output) = RunDotnet(
            ["tool", "run", "dotnet-repl", "--", "--run", Path.GetFullPath(notebookPath), "--exit-after-run", "--output-path", executedCopy],
            notebookDirectory, environment, options.Timeout, onTick);
        double seconds = clock.Elapsed.TotalSeconds;

        if (exitCode is null)
            return new NotebookResult(name, NotebookStatus.TimedOut, seconds, codeCells, executedCopy, null,
                $"stopped after {options.Timeout.TotalMinutes:F0} min");
        if (!File.Exists(executedCopy))
        {
            string? staleTool = ToolResolverCache.Explain(output, "dotnet-repl", ToolResolverCache.CliHome(environment));
            return new NotebookResult(name, NotebookStatus.Failed, seconds, codeCells, null,
                new CellFailure(0, $"{staleTool ?? $"dotnet-repl exited {exitCode} and wrote no executed copy."} Its output:\n{output.Trim()}"), null);
        }

        var failure = NotebookFile.FirstFailure(NotebookFile.Load(executedCopy));
        if (failure is null && exitCode != 0)
            failure = new CellFailure(0, $"dotnet-repl exited {exitCode} without an error in any cell. Its output:\n{output.Trim()}");
        return new NotebookResult(name, failure is null ? NotebookStatus.Passed : NotebookStatus.Failed, seconds, codeCells, executedCopy, failure, null);
    }

    /// <summary>Runs <c>dotnet</c> with arguments; returns (exit code or null on time-out, combined output).</summary>
    private static (int? ExitCode, string Output) RunDotnet(
        IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string> environment, TimeSpan timeout, Action<TimeSpan>? onTick = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromSeconds(1)))
        {
            onTick?.Invoke(clock.Elapsed);
            if (clock.Elapsed <= timeout) continue;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, output.ToString());
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
