namespace ActionGen.Classroom;

/// <summary>How one exercise graded.</summary>
public enum ExerciseStatus
{
    /// <summary>Every check of the exercise passed.</summary>
    Passed,

    /// <summary>A check failed, or the cell with the checks raised an error.</summary>
    Failed,

    /// <summary>The stub is still in place.</summary>
    NotAttempted,
}

/// <summary>One exercise's grade.</summary>
/// <param name="Exercise">Its id, e.g. "02.1".</param>
/// <param name="Status">Passed, failed or not attempted.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available.</param>
/// <param name="Message">The check's own message (pass line, or what was expected and what came).</param>
public sealed record ExerciseGrade(string Exercise, ExerciseStatus Status, int Points, int MaxPoints, string Message);

/// <summary>The grade of one student notebook.</summary>
/// <param name="Notebook">The student notebook's file name.</param>
/// <param name="Exercises">One grade per exercise, in notebook order.</param>
/// <param name="Notes">What the grader noticed and worked around (cells added or missing, a notebook that did not run).</param>
public sealed record GradingReport(string Notebook, IReadOnlyList<ExerciseGrade> Exercises, IReadOnlyList<string> Notes)
{
    /// <summary>Points earned.</summary>
    public int Score => Exercises.Sum(e => e.Points);

    /// <summary>Points available.</summary>
    public int MaxScore => Exercises.Sum(e => e.MaxPoints);

    /// <summary>A short Markdown table.</summary>
    public string ToMarkdown()
    {
        var lines = new List<string> { $"### {Notebook}: {Score} / {MaxScore}", "", "| exercise | status | points | message |", "|---|---|---|---|" };
        lines.AddRange(Exercises.Select(e => $"| {e.Exercise} | {e.Status} | {e.Points}/{e.MaxPoints} | {e.Message.Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal)} |"));
        if (Notes.Count > 0) lines.AddRange(["", .. Notes.Select(n => $"- {n}")]);
        return string.Join('\n', lines) + "\n";
    }
}
