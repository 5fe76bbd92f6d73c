using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActionGen.Notebooks;

namespace ActionGen.Classroom;

/// <summary>
/// Grades a student notebook: the source notebook is the authority for every cell except the learner's solution cells,
/// which come from the student's copy (found by the exercise id the student version tagged them with). Hidden checks,
/// present only in the source, therefore run again. The result is run headless and read back per exercise.
/// </summary>
public sealed partial class Grader(RepositoryPaths paths, NotebookRunOptions options)
{
    /// <summary>Grades <paramref name="studentPath"/> against the source notebook of the same name in <paramref name="sourceFolder"/> (default: notebooks/).</summary>
    public GradingReport Grade(string studentPath, string? sourceFolder = null)
    {
        string name = Path.GetFileName(studentPath);
        var notes = new List<string>();
        string sourcePath = Path.Combine(sourceFolder ?? paths.Notebooks, name);
        var source = NotebookFile.Load(sourcePath);
        var exercises = NotebookCells.Cells(source).Select(NotebookCells.AnnouncedExercise).OfType<string>().Distinct().ToList();

        JsonObject? student = null;
        try
        {
            student = NotebookFile.Load(studentPath);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            notes.Add($"The student notebook could not be read: {e.Message}");
        }

        var grading = BuildGradingNotebook(source, student, name, notes);
        string folder = Path.Combine(paths.Root, "grading");
        Directory.CreateDirectory(folder);
        string gradingPath = Path.Combine(folder, name);
        File.WriteAllText(gradingPath, NotebookCells.Serialize(grading));
        var run = new NotebookRunner(paths).Run(gradingPath, options);
        if (run.ExecutedCopy is null || !File.Exists(run.ExecutedCopy))
        {
            notes.Add($"The notebook did not run: {run.Problem ?? run.Failure?.Error}");
            return new GradingReport(name, exercises.Select(x => new ExerciseGrade(x, ExerciseStatus.Failed, 0, 1, "the notebook did not run")).ToList(), notes);
        }
        return new GradingReport(name, Read(NotebookFile.Load(run.ExecutedCopy), exercises), notes);
    }

    /// <summary>The source notebook with the student's solution cells spliced in.</summary>
    internal static JsonObject BuildGradingNotebook(JsonObject source, JsonObject? student, string name, List<string> notes)
    {
        var grading = (JsonObject)source.DeepClone();
        var studentSolutions = new Dictionary<string, JsonObject>();
        if (student is not null)
        {
            var studentCells = NotebookCells.Cells(student);
            string? heading = null;
            var untagged = new Dictionary<string, JsonObject>();
            for (int c = 0; c < studentCells.Count; c++)
            {
                if (NotebookCells.AnnouncedExercise(studentCells[c]) is string announced) heading = announced;
                var tag = studentCells[c]["metadata"]?[StudentVersion.MetadataKey];
                if ((string?)tag?["role"] == "solution" && (string?)tag?["exercise"] is string id)
                {
                    if (!studentSolutions.TryAdd(id, studentCells[c])) notes.Add($"{name}, cell {c + 1}: a second solution cell for exercise {id}; the first one is graded.");
                }
                else if (tag is null && heading is not null && (string?)studentCells[c]["cell_type"] == "code")
                {
                    untagged.TryAdd(heading, studentCells[c]); // untagged notebook (e.g. the source itself): the first code cell after the heading
                }
            }
            foreach (var (id, cell) in untagged) studentSolutions.TryAdd(id, cell);
            int sourceCount = NotebookCells.Cells(source).Count;
            if (studentCells.Count != sourceCount)
                notes.Add($"{name}: the student notebook has {studentCells.Count} cells, the source {sourceCount}; added cells are ignored, solution cells are matched by exercise id.");
        }

        string? exercise = null;
        var cells = NotebookCells.Cells(grading);
        for (int c = 0; c < cells.Count; c++)
        {
            exercise = NotebookCells.AnnouncedExercise(cells[c]) ?? exercise;
            var lines = NotebookCells.SourceLines(cells[c]);
            if ((string?)cells[c]["cell_type"] != "code" || Markers.Find(lines, Markers.BeginSolution, Markers.EndSolution, name, c + 1).Count == 0) continue;
            if (exercise is not null && studentSolutions.TryGetValue(exercise, out var solution))
            {
                NotebookCells.SetSource(cells[c], NotebookCells.SourceLines(solution));
            }
            else
            {
                notes.Add($"{name}, cell {c + 1}: no solution cell for exercise {exercise} in the student notebook; graded as not attempted.");
                NotebookCells.SetSource(cells[c], [$"throw new NotImplementedException(\"Exercise {exercise} is not attempted yet.\");"]);
            }
        }
        return grading;
    }

    /// <summary>Reads each exercise's outcome from the executed grading notebook.</summary>
    internal static List<ExerciseGrade> Read(JsonObject executed, IReadOnlyList<string> exercises)
    {
        var cells = NotebookCells.Cells(executed);
        var texts = new List<(string? Exercise, string Text, bool IsError)>();
        string? current = null;
        foreach (var cell in cells)
        {
            current = NotebookCells.AnnouncedExercise(cell) ?? current;
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                bool isError = (string?)output["output_type"] == "error";
                string text = isError ? (string?)output["evalue"] ?? "" : string.Concat((output["text"] as JsonArray ?? []).Select(t => (string?)t));
                texts.Add((current, text, isError));
            }
        }

        var grades = new List<ExerciseGrade>();
        foreach (string id in exercises)
        {
            var lines = texts.SelectMany(t => t.Text.Split('\n').Select((line, i) => (Line: line, Following: string.Join('\n', t.Text.Split('\n').Skip(i))))).ToList();
            var mentions = lines.Where(l => MentionsExercise(l.Line, id)).ToList();
            var failure = mentions.FirstOrDefault(l => l.Line.Contains('✘', StringComparison.Ordinal));
            if (failure.Line is not null)
            {
                bool notAttempted = failure.Line.Contains("not attempted", StringComparison.Ordinal);
                grades.Add(new ExerciseGrade(id, notAttempted ? ExerciseStatus.NotAttempted : ExerciseStatus.Failed, 0, 1, TrimCheckMessage(failure.Following)));
                continue;
            }
            var pass = mentions.FirstOrDefault(l => l.Line.Contains('✔', StringComparison.Ordinal));
            if (pass.Line is not null)
            {
                grades.Add(new ExerciseGrade(id, ExerciseStatus.Passed, 1, 1, pass.Line.Trim()));
                continue;
            }
            var error = texts.FirstOrDefault(t => t.Exercise == id && t.IsError);
            string message = error.Text is null ? "no check of this exercise ran" : error.Text.Split('\n')[0];
            bool stub = message.Contains("NotImplementedException", StringComparison.Ordinal);
            grades.Add(new ExerciseGrade(id, stub ? ExerciseStatus.NotAttempted : ExerciseStatus.Failed, 0, 1, message));
        }
        return grades;
    }

    private static bool MentionsExercise(string line, string id) => ExerciseLine().Match(line) is { Success: true } m && m.Groups[1].Value == id;

    private static string TrimCheckMessage(string text)
    {
        var lines = text.Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList();
        string message = string.Join('\n', lines).Trim();
        int start = message.IndexOf('✘', StringComparison.Ordinal);
        return start >= 0 ? message[start..] : message;
    }

    [GeneratedRegex(@"[✔✘] Exercise (\d+\.\d+)\b")]
    private static partial Regex ExerciseLine();

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
