using System.Globalization;

namespace ActionGen.Notebooks;

/// <summary>The runner's parsed arguments.</summary>
/// <param name="Options">Quick mode, time limit, threads.</param>
/// <param name="Notebooks">Notebooks named on the command line (empty: the whole series).</param>
/// <param name="Help">True when --help was given.</param>
/// <param name="Error">What was wrong with the arguments, or null.</param>
public sealed record CommandLine(NotebookRunOptions Options, IReadOnlyList<string> Notebooks, bool Help, string? Error)
{
    /// <summary>True when --write-outputs was given: outputs of passed notebooks go back into the source notebooks.</summary>
    public bool WriteOutputs { get; init; }

    /// <summary>How many notebooks run at once (--parallel N; default 1, the series in order).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The longest time limit accepted: a week (a larger one would overflow a <see cref="TimeSpan"/>'s arithmetic later).</summary>
    public const double MaxTimeoutMinutes = 7 * 24 * 60;

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: dotnet run --project tools/ActionGen.Notebooks -- [--quick] [--timeout-minutes N] [--threads N] [--parallel N] [--write-outputs] [notebook.ipynb ...]\n" +
        "  --quick              smaller training budgets (also: ACTIONGEN_QUICK=1); every notebook's assertions still run\n" +
        "  --timeout-minutes N  stop a notebook that runs longer (default 30, at most a week)\n" +
        "  --threads N          pin libtorch's thread count in the kernel (a positive whole number)\n" +
        "  --parallel N         run N notebooks at once, each with cores / N libtorch threads unless --threads says\n" +
        "                       otherwise; the later, heavier notebooks start first (default 1: one at a time, in order)\n" +
        "  --write-outputs      write the outputs of each passed notebook back into it (code and markdown untouched)\n" +
        "  notebook.ipynb       run only these (default: every notebooks/NN-*.ipynb, in order)";

    /// <summary>Parses <paramref name="args"/>; <paramref name="quickVariable"/> is the value of ACTIONGEN_QUICK.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, string? quickVariable)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool quick = quickVariable?.Trim() is "1" or "true";
        double timeoutMinutes = 30;
        int? threads = null;
        var notebooks = new List<string>();
        bool writeOutputs = false;
        int parallel = 1;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--write-outputs":
                    writeOutputs = true;
                    break;
                case "--help" or "-h":
                    return new CommandLine(new NotebookRunOptions(quick, TimeSpan.FromMinutes(timeoutMinutes)), notebooks, true, null);
                case "--timeout-minutes":
                    if (i + 1 >= args.Count || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double minutes) || !double.IsFinite(minutes) || minutes <= 0 || minutes > MaxTimeoutMinutes)
                        return Fail($"{args[i]} needs a positive number of minutes up to {MaxTimeoutMinutes} (a week), got '{(i + 1 < args.Count ? args[i + 1] : "nothing")}'.");
                    timeoutMinutes = minutes;
                    i++;
                    break;
                case "--threads":
                    // A thread count is whole: '0.5' must not become 0 and fail later in the kernel.
                    if (PositiveWhole(args, i) is not int count) return Fail($"{args[i]} needs a positive whole number, got '{ValueAfter(args, i)}'.");
                    threads = count;
                    i++;
                    break;
                case "--parallel":
                    if (PositiveWhole(args, i) is not int lanes) return Fail($"{args[i]} needs a positive whole number of notebooks at once, got '{ValueAfter(args, i)}'.");
                    parallel = lanes;
                    i++;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) return Fail($"Unknown option '{args[i]}'.");
                    if (string.IsNullOrWhiteSpace(args[i])) return Fail($"Argument {i + 1} is empty: expected a notebook path (notebooks/NN-title.ipynb).");
                    notebooks.Add(args[i]);
                    break;
            }
        }
        return new CommandLine(new NotebookRunOptions(quick, TimeSpan.FromMinutes(timeoutMinutes), threads), notebooks, false, null)
        {
            WriteOutputs = writeOutputs,
            Parallel = parallel,
        };
    }

    /// <summary>The value after option <paramref name="i"/> as a positive whole number, or null when it is missing or not one.</summary>
    private static int? PositiveWhole(IReadOnlyList<string> args, int i) =>
        i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;

    /// <summary>The value after option <paramref name="i"/>, or "nothing", for error messages.</summary>
    private static string ValueAfter(IReadOnlyList<string> args, int i) => i + 1 < args.Count ? args[i + 1] : "nothing";

    private static CommandLine Fail(string error) =>
        new(new NotebookRunOptions(false, TimeSpan.FromMinutes(30)), [], false, error);
}
