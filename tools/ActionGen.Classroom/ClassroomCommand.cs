using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionGen.Notebooks;

namespace ActionGen.Classroom;

/// <summary>
/// The instructor kit's command line. Exit codes: 0 when every graded exercise (or the one named) passed, or the checked
/// exercise passed; 1 when one did not; 2 for bad arguments or input that cannot be used (no notebooks, no report).
/// </summary>
public static class ClassroomCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: generate [source.ipynb ...] [--out DIR]\n" +
        "       grade <student.ipynb|folder> [--source DIR] [--exercise NN.M] [--report-dir DIR] [--timeout-minutes N] [--keep-work]\n" +
        "       check <report.json> <NN.M>\n" +
        "  --timeout-minutes N  the limit for each exercise's run of its notebook (default 10, and 30 for notebooks\n" +
        "                       that build the comparison suite, which measure it from scratch when its cache is cold)\n" +
        "  --keep-work          keep the grading notebooks, executed copies and results under artifacts/grading/";

    private static readonly string[] GradeOptionsWithValue = ["--source", "--exercise", "--report-dir", "--timeout-minutes"];

    /// <summary>Runs the command in <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, RepositoryPaths paths, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return (args.Count > 0 ? args[0] : null) switch
        {
            "generate" => Generate(args, paths, output, error),
            "grade" when args.Count >= 2 && !args[1].StartsWith("--", StringComparison.Ordinal) => Grade(args, paths, output, error),
            "check" when args.Count == 3 => Check(args[1], args[2], output, error),
            _ => Fail(error, null),
        };
    }

    private static int Generate(IReadOnlyList<string> args, RepositoryPaths paths, TextWriter output, TextWriter error)
    {
        string? outputOption = null;
        var named = new List<string>();
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] == "--out")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return Fail(error, "--out needs a folder.");
                outputOption = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return Fail(error, $"Unknown option '{args[i]}'.");
            else if (args[i].Length == 0) return Fail(error, "An empty notebook path.");
            else named.Add(args[i]);
        }
        var missing = named.Where(source => !File.Exists(source)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"{string.Join(", ", missing.Select(m => $"'{m}'"))}: {(missing.Count == 1 ? "no such notebook" : "no such notebooks")} (expected source .ipynb files); nothing written.");
            return 2;
        }
        string outputFolder = Path.GetFullPath(outputOption ?? Path.Combine(paths.Root, "exercises"));
        try
        {
            // Read every named source before writing anything, so a bad one leaves the output folder as it was.
            var versions = named.Select(source => (Source: source, Text: StudentVersion.Generate(Path.GetFullPath(source)))).ToList();
            var written = named.Count == 0 ? StudentVersion.GenerateAll(paths, outputFolder) : versions.Select(version =>
            {
                Directory.CreateDirectory(outputFolder);
                string target = Path.Combine(outputFolder, Path.GetFileName(version.Source));
                File.WriteAllText(target, version.Text);
                return target;
            }).ToList();
            foreach (string path in written) output.WriteLine($"wrote {Path.GetRelativePath(paths.Root, path)}");
            return 0;
        }
        catch (MarkerException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            error.WriteLine($"cannot generate: {e.Message}");
            return 2;
        }
    }

    private static int Grade(IReadOnlyList<string> args, RepositoryPaths paths, TextWriter output, TextWriter error)
    {
        for (int i = 2; i < args.Count; i++)
        {
            if (GradeOptionsWithValue.Contains(args[i]))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return Fail(error, $"{args[i]} needs a value.");
                i++;
            }
            else if (args[i] != "--keep-work") return Fail(error, args[i].StartsWith("--", StringComparison.Ordinal) ? $"Unknown option '{args[i]}'." : $"Unexpected argument '{args[i]}'.");
        }
        TimeSpan? timeout = null;                                                               // null: each notebook's default
        if (Option(args, "--timeout-minutes") is string minutesText)
        {
            // Up to a week: a larger number is a typo, and TimeSpan cannot hold every double.
            if (!double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out double minutes) || !double.IsFinite(minutes) || minutes <= 0 || minutes > 7 * 24 * 60)
                return Fail(error, $"--timeout-minutes needs a positive number of minutes, got '{minutesText}'.");
            timeout = TimeSpan.FromMinutes(minutes);
        }

        string target = Path.GetFullPath(args[1]);
        List<string> students;
        if (Directory.Exists(target))
        {
            students = [.. Directory.GetFiles(target, "*.ipynb").Where(p => RepositoryPaths.IsSeriesName(Path.GetFileName(p))).Order(StringComparer.Ordinal)];
            if (students.Count == 0)
            {
                error.WriteLine($"No student notebooks (NN-*.ipynb) in {target}: nothing to grade.");
                return 2;
            }
        }
        else if (File.Exists(target)) students = [target];
        else
        {
            error.WriteLine($"{target} does not exist: name a student notebook or a folder of them.");
            return 2;
        }

        string reportDir = Path.GetFullPath(Option(args, "--report-dir") ?? Path.Combine(paths.Root, "artifacts", "grades"));
        string? source = Option(args, "--source") is string s ? Path.GetFullPath(s) : null;
        string? only = Option(args, "--exercise");
        Directory.CreateDirectory(reportDir);
        // One libtorch thread unless the caller pinned another count (the Classroom workflow sets ACTIONGEN_THREADS).
        int? threads = Environment.GetEnvironmentVariable("ACTIONGEN_THREADS") is { Length: > 0 } ? null : 1;
        var grader = new Grader(paths, new NotebookRunOptions(Quick: true, Timeout: timeout ?? Grader.ShortNotebookTimeout, Threads: threads), args.Contains("--keep-work"),
            timeoutPerNotebook: timeout is null);
        bool allPassed = true;
        foreach (string student in students)
        {
            GradingReport report;
            try
            {
                report = grader.Grade(student, source);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or MarkerException)
            {
                error.WriteLine($"{Path.GetFileName(student)}: cannot grade: {e.Message}");
                allPassed = false;
                continue;
            }
            string stem = Path.GetFileNameWithoutExtension(student);
            string reportPath = Path.Combine(reportDir, stem + ".json");
            if (File.Exists(reportPath))
                output.WriteLine($"Replacing the earlier report {reportPath} (reports are named after the notebook: give each student's grade its own --report-dir to keep both).");
            File.WriteAllText(reportPath, Grader.ToJson(report));
            File.WriteAllText(Path.Combine(reportDir, stem + ".md"), report.ToMarkdown());
            output.Write(report.ToMarkdown());
            var graded = only is null ? report.Exercises : report.Exercises.Where(e => e.Exercise == only).ToList();
            if (only is not null && graded.Count == 0)
            {
                error.WriteLine($"{report.Notebook} has no exercise {only}.");
                allPassed = false;
            }
            allPassed &= graded.All(e => e.Status == ExerciseStatus.Passed);
        }
        return allPassed ? 0 : 1;
    }

    private static int Check(string reportPath, string exerciseId, TextWriter output, TextWriter error)
    {
        if (!File.Exists(reportPath))
        {
            error.WriteLine($"No grading report at {reportPath}: run grade first (did it fail before writing one?).");
            return 2;
        }
        JsonNode? report;
        try
        {
            report = JsonNode.Parse(File.ReadAllText(reportPath));
        }
        catch (JsonException e)
        {
            error.WriteLine($"{reportPath} is not valid JSON ({e.Message}): not a grading report.");
            return 2;
        }
        if (report is not JsonObject { } root || root["exercises"] is not JsonArray exercises)
        {
            error.WriteLine($"{reportPath} is not a grading report: expected a JSON object with an \"exercises\" array.");
            return 2;
        }
        var exercise = exercises.OfType<JsonObject>().FirstOrDefault(e => e["exercise"] is JsonValue v && v.TryGetValue(out string? id) && id == exerciseId);
        if (exercise is null)
        {
            error.WriteLine($"{reportPath} has no exercise {exerciseId}.");
            return 1;
        }
        string? status = exercise["status"] is JsonValue sv && sv.TryGetValue(out string? st) ? st : null;
        string? message = exercise["message"] is JsonValue mv && mv.TryGetValue(out string? m) ? m : null;
        output.WriteLine($"{exerciseId}: {status ?? "no status"} — {message}");
        return status == nameof(ExerciseStatus.Passed) ? 0 : 1;
    }

    private static string? Option(IReadOnlyList<string> args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Fail(TextWriter error, string? problem)
    {
        if (problem is not null) error.WriteLine(problem);
        error.WriteLine(Usage);
        return 2;
    }
}
