using System.Text.Json.Nodes;

namespace ActionGen.Classroom;

/// <summary>
/// The notebook that grades one exercise: the source notebook up to the exercise's last cell, with the student's
/// solution cell in place of the instructor's, every other cell (other exercises' solutions included) from the source,
/// checks called fully qualified, outputs cleared, and the grader's own cells marking where the graded part begins and ends.
/// </summary>
/// <param name="Notebook">The notebook to run.</param>
/// <param name="BeginCell">0-based index of the grader's cell just before the student's solution.</param>
/// <param name="SolutionCell">0-based index of the student's solution cell.</param>
/// <param name="EndCell">0-based index of the grader's last cell, after the exercise's last cell.</param>
public sealed record GradingNotebook(JsonObject Notebook, int BeginCell, int SolutionCell, int EndCell)
{
    /// <summary>Builds the grading notebook for <paramref name="exercise"/> of <paramref name="source"/>.</summary>
    public static GradingNotebook Build(JsonObject source, ExerciseCells exercise, IReadOnlyList<string> studentSolution)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(studentSolution);
        var notebook = (JsonObject)source.DeepClone();
        var cells = NotebookCells.Cells(notebook).Take(exercise.LastCell + 1).ToList();
        for (int c = 0; c < cells.Count; c++)
        {
            if ((string?)cells[c]["cell_type"] != "code") continue;
            cells[c]["outputs"] = new JsonArray();
            cells[c]["execution_count"] = null;
            NotebookCells.SetSource(cells[c], c == exercise.SolutionCell ? studentSolution : QualifiedChecks.Qualify(NotebookCells.SourceLines(cells[c])));
        }
        var kernel = cells[exercise.SolutionCell]["metadata"]?["polyglot_notebook"]?.DeepClone()
                     ?? new JsonObject { ["kernelName"] = "csharp" };
        string id = exercise.Exercise;
        cells.Insert(exercise.SolutionCell, GraderCell($"global::ActionGen.Exercises.GradingChannel.Begin(\"{id}\");", kernel));
        cells.Add(GraderCell($"global::ActionGen.Exercises.GradingChannel.End(\"{id}\");", kernel));
        notebook["cells"] = new JsonArray([.. cells.Select(c => { c.Parent?.AsArray().Remove(c); return (JsonNode)c; })]);
        return new GradingNotebook(notebook, exercise.SolutionCell, exercise.SolutionCell + 1, cells.Count - 1);
    }

    private static JsonObject GraderCell(string code, JsonNode kernel) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = kernel.DeepClone() },
        ["outputs"] = new JsonArray(),
        ["source"] = new JsonArray(code),
    };
}
