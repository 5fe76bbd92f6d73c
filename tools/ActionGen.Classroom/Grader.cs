using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionGen.Notebooks;

namespace ActionGen.Classroom;

/// <summary>
/// Grades a student notebook against its source notebook, each exercise on its own:
/// <list type="bullet">
/// <item>the student's solution cell (found by the exercise id the student version tagged it with) is checked before it
/// runs (<see cref="SolutionCellRules"/>); an untouched stub is "not attempted" without a run;</item>
/// <item>each remaining exercise runs in a fresh kernel, in a notebook built from the source up to that exercise's last cell,
/// with only that exercise's solution from the student (<see cref="GradingNotebook"/>): hidden checks run again, checks are
/// called fully qualified, and one exercise's compile error, crash or hang cannot touch another's grade;</item>
/// <item>a pass is a pass recorded by the library's checks with this run's secret (<see cref="GradingRecord"/>), in a run
/// that reached the end of the exercise's cells without an error there. Printed output is never read.</item>
/// </list>
/// Each <see cref="Grade"/> works in its own <see cref="GradingWorkspace"/>.
/// </summary>
/// <param name="paths">The repository (its build provides the library the notebooks load).</param>
/// <param name="options">Quick mode, threads, and <see cref="NotebookRunOptions.Timeout"/>: the limit for each exercise's run.</param>
/// <param name="keepWork">Keep the work folder (grading notebooks, executed copies, results) and name it in the report's notes.</param>
/// <param name="timeoutPerNotebook">Ignore <paramref name="options"/>' timeout and use each notebook's default (<see cref="DefaultTimeout"/>).</param>
public sealed class Grader(RepositoryPaths paths, NotebookRunOptions options, bool keepWork = false, bool timeoutPerNotebook = false)
{
    /// <summary>The default limit for one exercise's run of a notebook that does not build the comparison suite.</summary>
    public static readonly TimeSpan ShortNotebookTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The default limit for one exercise's run of a notebook that builds the comparison suite (05, 06): with a cold cache
    /// its first run measures every column of notebook 04's table, about 10 minutes of one core in quick mode; later runs
    /// read the repository's cache (artifacts/comparison/), which grading shares.
    /// </summary>
    public static readonly TimeSpan ComparisonNotebookTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The default limit for each exercise's run of <paramref name="source"/>.</summary>
    public static TimeSpan DefaultTimeout(JsonObject source) =>
        NotebookCells.Cells(source).Any(c => (string?)c["cell_type"] == "code" && string.Concat(NotebookCells.SourceLines(c)).Contains("new ComparisonSuite(", StringComparison.Ordinal))
            ? ComparisonNotebookTimeout
            : ShortNotebookTimeout;

    /// <summary>The environment variable the library reads the results file from (ActionGen.Exercises.GradingChannel).</summary>
    public const string ResultsVariable = "ACTIONGEN_GRADING_RESULTS";

    /// <summary>The environment variable the library reads the run's secret from (ActionGen.Exercises.GradingChannel).</summary>
    public const string TokenVariable = "ACTIONGEN_GRADING_TOKEN";

    /// <summary>Grades <paramref name="studentPath"/> against the source notebook of the same name in <paramref name="sourceFolder"/> (default: notebooks/).</summary>
    /// <exception cref="FileNotFoundException">No source notebook of that name.</exception>
    /// <exception cref="InvalidDataException">The source notebook is not a notebook.</exception>
    /// <exception cref="MarkerException">The source notebook's markers are malformed.</exception>
    public GradingReport Grade(string studentPath, string? sourceFolder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(studentPath);
        string name = Path.GetFileName(studentPath);
        var notes = new List<string>();
        var source = NotebookFile.Load(Path.Combine(sourceFolder ?? paths.Notebooks, name));
        var exercises = ExerciseCells.Of(source, name, notes);

        JsonObject student;
        try
        {
            student = NotebookFile.Load(studentPath);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            notes.Add($"The student notebook could not be read: {e.Message}");
            return new GradingReport(name, [.. exercises.Select(e => Failed(e.Exercise, "the student notebook could not be read"))], notes);
        }

        var solutions = StudentSolutions(source, student, name, notes);
        using var work = GradingWorkspace.Create(paths, keepWork);
        var grades = exercises.Select(e => GradeExercise(source, e, solutions, name, work, notes)).ToList();
        if (keepWork) notes.Add($"Grading work folder (kept): {work.Path}");
        return new GradingReport(name, grades, notes);
    }

    /// <summary>The student's solution cell for each exercise: tagged cells, else (an untagged notebook) the first code cell after the heading.</summary>
    internal static Dictionary<string, JsonObject> StudentSolutions(JsonObject source, JsonObject student, string name, List<string> notes)
    {
        var solutions = new Dictionary<string, JsonObject>();
        var studentCells = NotebookCells.Cells(student);
        string? heading = null;
        var untagged = new Dictionary<string, JsonObject>();
        for (int c = 0; c < studentCells.Count; c++)
        {
            if (NotebookCells.AnnouncedExercise(studentCells[c]) is string announced) heading = announced;
            var tag = studentCells[c]["metadata"]?[StudentVersion.MetadataKey];
            if ((string?)tag?["role"] == "solution" && (string?)tag?["exercise"] is string id)
            {
                if (!solutions.TryAdd(id, studentCells[c])) notes.Add($"{name}, cell {c + 1}: a second solution cell for exercise {id}; the first one is graded.");
            }
            else if (tag is null && heading is not null && (string?)studentCells[c]["cell_type"] == "code")
            {
                untagged.TryAdd(heading, studentCells[c]); // untagged notebook (e.g. the source itself): the first code cell after the heading
            }
        }
        foreach (var (id, cell) in untagged) solutions.TryAdd(id, cell);
        int sourceCount = NotebookCells.Cells(source).Count;
        if (studentCells.Count != sourceCount)
            notes.Add($"{name}: the student notebook has {studentCells.Count} cells, the source {sourceCount}; added cells are ignored, solution cells are matched by exercise id.");
        return solutions;
    }

    private ExerciseGrade GradeExercise(
        JsonObject source, ExerciseCells exercise, Dictionary<string, JsonObject> solutions, string name, GradingWorkspace work, List<string> notes)
    {
        string id = exercise.Exercise;
        var sourceLines = NotebookCells.SourceLines(NotebookCells.Cells(source)[exercise.SolutionCell]);
        if (!solutions.TryGetValue(id, out var cell))
        {
            notes.Add($"{name}: no solution cell for exercise {id} in the student notebook; graded as not attempted.");
            return NotAttempted(id, "no solution cell for this exercise in the student notebook");
        }
        var studentLines = NotebookCells.SourceLines(cell);
        var regions = Markers.Find(sourceLines, Markers.BeginSolution, Markers.EndSolution, name, exercise.SolutionCell + 1);
        var stub = StudentVersion.StudentLines(sourceLines, regions, [], id);
        if (Normalised(studentLines).SequenceEqual(Normalised(stub)))
            return NotAttempted(id, $"✘ Exercise {id}: not attempted yet — the solution cell still holds the stub.");
        if (SolutionCellRules.Problem(sourceLines, studentLines) is string problem) return Failed(id, $"not run: {problem}");

        var grading = GradingNotebook.Build(source, exercise, studentLines);
        var limit = timeoutPerNotebook ? DefaultTimeout(source) : options.Timeout;
        string stem = $"{Path.GetFileNameWithoutExtension(name)}.{id}";
        string notebookPath = Path.Combine(work.Path, stem + ".ipynb");
        File.WriteAllText(notebookPath, NotebookCells.Serialize(grading.Notebook));
        string results = Path.Combine(work.Path, stem + ".results.jsonl");
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var variables = new Dictionary<string, string>(options.EnvironmentVariables ?? new Dictionary<string, string>())
        {
            [ResultsVariable] = results,
            [TokenVariable] = token,
        };
        // The kernel starts one level below the root, where the series' notebooks sit, so their relative paths
        // (../data, ../artifacts/bin) resolve as they do in notebooks/.
        var run = new NotebookRunner(paths).Run(notebookPath, options with
        {
            Timeout = limit,
            ExecutedFolder = work.Executed,
            WorkingDirectory = Path.Combine(paths.Root, "artifacts"),
            EnvironmentVariables = variables,
        });
        return Verdict(id, grading, run, GradingRecord.Read(results, token), limit);
    }

    /// <summary>Decides one exercise from its run and the records the library wrote with the run's secret.</summary>
    internal static ExerciseGrade Verdict(string id, GradingNotebook grading, NotebookResult run, IReadOnlyList<GradingRecord> records, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(grading);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(records);
        int begin = records.ToList().FindIndex(r => r.Event == GradingRecord.Begin && r.Check == id);
        var mine = begin < 0 ? [] : records.Skip(begin + 1).Where(r => r.Exercise == id).ToList();
        string where = Where(id, begin >= 0, mine);
        bool finished = mine.Any(r => r.Event == GradingRecord.End) && run.ExecutedCopy is not null && File.Exists(run.ExecutedCopy);
        if (run.Status == NotebookStatus.Invalid) return Failed(id, $"the grading notebook could not be run: {run.Problem}");
        // A run stopped after its last cell ran and its executed copy was written (a slow kernel exit) is judged on what it wrote.
        if (run.Status == NotebookStatus.TimedOut && !finished)
            return Failed(id, $"time ran out after {Duration(timeout)} while {where} (the limit is --timeout-minutes).");
        if (run.ExecutedCopy is null || !File.Exists(run.ExecutedCopy))
            return Failed(id, $"the run stopped before it finished, while {where}: {Abbreviate(run.Failure?.Error ?? "no output")}");

        List<JsonObject> cells;
        try
        {
            cells = NotebookCells.Cells(NotebookFile.Load(run.ExecutedCopy));
        }
        catch (InvalidDataException e)
        {
            return Failed(id, $"the run's executed copy could not be read: {e.Message}");
        }
        // The kernel writes every cell of the grading notebook; a copy without the exercise's cells was not written by it.
        if (cells.Count <= grading.EndCell)
            return Failed(id, $"the run's executed copy holds {cells.Count} cells, not the grading notebook's {grading.EndCell + 1} or more: it was not written by the kernel's run.");
        if (FirstError(cells, 0, grading.BeginCell) is var (cell, text))
            return Failed(id, $"the notebook failed at cell {cell + 1}, before exercise {id}'s solution (not the student's code): {text}");

        var outcome = mine.FirstOrDefault(r => r.Event is GradingRecord.NotAttempted or GradingRecord.Failed or GradingRecord.Errored);
        var error = FirstError(cells, grading.SolutionCell, grading.EndCell);
        if (outcome is not null)
        {
            return outcome.Event switch
            {
                GradingRecord.NotAttempted => NotAttempted(id, outcome.Message ?? "not attempted"),
                GradingRecord.Failed => Failed(id, outcome.Message ?? "a check failed"),
                _ => Failed(id, $"check '{outcome.Check}' raised {outcome.Message}"),
            };
        }
        if (error is var (errorCell, errorText))
        {
            if (errorText.Contains("NotImplementedException", StringComparison.Ordinal)) return NotAttempted(id, errorText);
            return Failed(id, errorCell == grading.SolutionCell ? $"the solution cell does not compile: {errorText}" : errorText);
        }
        if (!finished) return Failed(id, $"the run did not reach the end of exercise {id}'s cells.");
        var passes = mine.Where(r => r.Event == GradingRecord.Passed).ToList();
        if (passes.Count == 0)
            return Failed(id, $"no check of exercise {id} reported a result. Is the library current? Run dotnet build so the notebooks load it.");
        return new ExerciseGrade(id, ExerciseStatus.Passed, 1, 1, (passes.FirstOrDefault(r => r.Check == id) ?? passes[0]).Message ?? "passed");
    }

    private static string Where(string id, bool begun, List<GradingRecord> mine)
    {
        if (mine.Any(r => r.Event == GradingRecord.End)) return $"the kernel was closing, after exercise {id}'s cells had run";
        int running = mine.FindLastIndex(r => r.Event == GradingRecord.Started);
        if (running >= 0 && !mine.Skip(running + 1).Any(r => r.Check == mine[running].Check))
            return $"exercise {id}'s check '{mine[running].Check}' was running";
        return begun
            ? $"exercise {id}'s cells were running (outside its checks)"
            : $"the notebook's own cells before exercise {id} were running (not the student's code: the notebook may need a longer limit)";
    }

    private static (int Cell, string Text)? FirstError(List<JsonObject> cells, int from, int to)
    {
        for (int c = from; c <= to && c < cells.Count; c++)
        {
            foreach (var output in (cells[c]["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)output["output_type"] != "error") continue;
                return (c, Abbreviate((string?)output["evalue"] ?? (string?)output["ename"] ?? "an error"));
            }
        }
        return null;
    }

    /// <summary>An error's message without its stack trace, at most three lines.</summary>
    private static string Abbreviate(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)
            .TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(3));

    private static string Duration(TimeSpan timeout) => timeout.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMinutes:0.#} min");

    private static List<string> Normalised(IReadOnlyList<string> lines)
    {
        var trimmed = lines.Select(l => l.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        return trimmed;
    }

    private static ExerciseGrade Failed(string id, string message) => new(id, ExerciseStatus.Failed, 0, 1, message);

    private static ExerciseGrade NotAttempted(string id, string message) => new(id, ExerciseStatus.NotAttempted, 0, 1, message);

    /// <summary>The report as JSON.</summary>
    public static string ToJson(GradingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["notebook"] = report.Notebook,
            ["score"] = report.Score,
            ["max_score"] = report.MaxScore,
            ["exercises"] = new JsonArray(report.Exercises.Select(e => (JsonNode)new JsonObject
            {
                ["exercise"] = e.Exercise, ["status"] = e.Status.ToString(), ["points"] = e.Points, ["max_points"] = e.MaxPoints, ["message"] = e.Message,
            }).ToArray()),
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode)n).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
