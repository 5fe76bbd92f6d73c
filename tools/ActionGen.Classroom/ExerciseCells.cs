using System.Text.Json.Nodes;

namespace ActionGen.Classroom;

/// <summary>Where one exercise sits in a source notebook.</summary>
/// <param name="Exercise">Its id, e.g. "02.1".</param>
/// <param name="SolutionCell">The 0-based index of its solution cell (the code cell with the solution region).</param>
/// <param name="LastCell">The 0-based index of its last cell: the one before the next exercise's heading, or the notebook's last.</param>
public sealed record ExerciseCells(string Exercise, int SolutionCell, int LastCell)
{
    /// <summary>The exercises of <paramref name="source"/> in order; headings without a solution cell are noted and skipped.</summary>
    /// <exception cref="MarkerException">A malformed marker, a solution region before any heading, or two solution cells for one exercise.</exception>
    public static IReadOnlyList<ExerciseCells> Of(JsonObject source, string name, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(notes);
        var cells = NotebookCells.Cells(source);
        var headings = new List<(string Exercise, int Cell)>();
        var solutions = new Dictionary<string, int>();
        for (int c = 0; c < cells.Count; c++)
        {
            if (NotebookCells.AnnouncedExercise(cells[c]) is string announced && (headings.Count == 0 || headings[^1].Exercise != announced))
                headings.Add((announced, c));
            if ((string?)cells[c]["cell_type"] != "code") continue;
            var regions = Markers.Find(NotebookCells.SourceLines(cells[c]), Markers.BeginSolution, Markers.EndSolution, name, c + 1);
            if (regions.Count == 0) continue;
            if (headings.Count == 0)
                throw new MarkerException(name, c + 1, regions[0].Begin + 1, "a solution region before any '### Exercise NN.M' heading: the stub needs an exercise id.");
            if (!solutions.TryAdd(headings[^1].Exercise, c))
                throw new MarkerException(name, c + 1, regions[0].Begin + 1, $"a second solution cell for exercise {headings[^1].Exercise}: one per exercise.");
        }

        var exercises = new List<ExerciseCells>();
        for (int h = 0; h < headings.Count; h++)
        {
            var (exercise, _) = headings[h];
            int last = h + 1 < headings.Count ? headings[h + 1].Cell - 1 : cells.Count - 1;
            if (solutions.TryGetValue(exercise, out int solution)) exercises.Add(new ExerciseCells(exercise, solution, last));
            else notes.Add($"{name}: exercise {exercise} has no solution cell in the source notebook; it is not graded.");
        }
        return exercises;
    }
}
