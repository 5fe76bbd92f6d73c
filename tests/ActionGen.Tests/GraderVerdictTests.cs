using System.Text.Json.Nodes;
using ActionGen.Classroom;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>How one exercise's run and its records become a grade, without running a kernel.</summary>
public class GraderVerdictTests
{
    // Cells: 0 setup, 1 the grader's Begin, 2 the student's solution, 3 the check, 4 the grader's End.
    private static readonly GradingNotebook Layout = new(new JsonObject(), BeginCell: 1, SolutionCell: 2, EndCell: 4);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private static string Executed(TempDirectory temp, string? errorInCell3 = null)
    {
        var cells = Enumerable.Range(0, 5).Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["source"] = "",
            ["outputs"] = c == 3 && errorInCell3 is not null
                ? new JsonArray(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = errorInCell3 })
                : new JsonArray(),
        }).ToArray();
        return temp.File("executed.ipynb", new JsonObject { ["cells"] = new JsonArray(cells) }.ToJsonString());
    }

    private static GradingRecord[] Records(params (string Event, string Check)[] events) =>
        [.. events.Select(e => new GradingRecord(e.Event, e.Check, e.Event == GradingRecord.Passed ? $"✔ Exercise {e.Check} passed" : null))];

    private static readonly GradingRecord[] PassedAndEnded = Records(
        (GradingRecord.Begin, "99.1"), (GradingRecord.Started, "99.1"), (GradingRecord.Passed, "99.1"), (GradingRecord.End, "99.1"));

    [Fact]
    public void A_pass_needs_the_librarys_record_a_clean_run_and_the_end_of_the_exercises_cells()
    {
        using var temp = new TempDirectory();
        var clean = new NotebookResult("n", NotebookStatus.Passed, 1, 5, Executed(temp), null, null);
        Assert.Equal(ExerciseStatus.Passed, Grader.Verdict("99.1", Layout, clean, PassedAndEnded, Limit).Status);

        var noRecords = Grader.Verdict("99.1", Layout, clean, [], Limit);
        Assert.Equal(ExerciseStatus.Failed, noRecords.Status);
        Assert.Contains("did not reach the end", noRecords.Message, StringComparison.Ordinal);

        var noEnd = Grader.Verdict("99.1", Layout, clean, PassedAndEnded[..3], Limit);
        Assert.Equal(ExerciseStatus.Failed, noEnd.Status);

        // A pass recorded before the grader's Begin (an earlier exercise's cells) is not this exercise's pass.
        var beforeBegin = Records((GradingRecord.Passed, "99.1"), (GradingRecord.Begin, "99.1"), (GradingRecord.End, "99.1"));
        Assert.Contains("no check of exercise 99.1 reported", Grader.Verdict("99.1", Layout, clean, beforeBegin, Limit).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_cell_that_threw_after_a_recorded_pass_is_not_a_pass()
    {
        using var temp = new TempDirectory();
        var run = new NotebookResult("n", NotebookStatus.Failed, 1, 5, Executed(temp, "System.Exception: after the check"), new CellFailure(4, "x"), null);
        var grade = Grader.Verdict("99.1", Layout, run, PassedAndEnded, Limit);
        Assert.Equal(ExerciseStatus.Failed, grade.Status);
        Assert.Equal("System.Exception: after the check", grade.Message);
    }

    [Fact]
    public void A_run_that_timed_out_names_the_running_check_unless_it_had_already_finished()
    {
        using var temp = new TempDirectory();
        var hung = new NotebookResult("n", NotebookStatus.TimedOut, 600, 5, Path.Combine(temp.Path, "none.ipynb"), null, "stopped");
        var grade = Grader.Verdict("99.1", Layout, hung, Records((GradingRecord.Begin, "99.1"), (GradingRecord.Started, "99.1 (negative)")), Limit);
        Assert.Equal("time ran out after 10 min while exercise 99.1's check '99.1 (negative)' was running (the limit is --timeout-minutes).", grade.Message);

        var beforeExercise = Grader.Verdict("99.1", Layout, hung, [], Limit).Message;
        Assert.Contains("the notebook's own cells before exercise 99.1 were running", beforeExercise, StringComparison.Ordinal);

        // The last cell ran and the executed copy was written, but the kernel was slow to exit: judged on what it wrote.
        var slowExit = new NotebookResult("n", NotebookStatus.TimedOut, 600, 5, Executed(temp), null, "stopped");
        Assert.Equal(ExerciseStatus.Passed, Grader.Verdict("99.1", Layout, slowExit, PassedAndEnded, Limit).Status);
    }

    [Fact]
    public void An_executed_copy_without_the_exercises_cells_is_not_the_kernels_and_never_passes()
    {
        // A forged run: pass and end records with the secret, an executed copy written by the solution, then a hang.
        using var temp = new TempDirectory();
        string forged = temp.File("forged.ipynb", "{\"cells\": []}");
        foreach (var status in new[] { NotebookStatus.TimedOut, NotebookStatus.Passed })
        {
            var run = new NotebookResult("n", status, 600, 5, forged, null, "stopped");
            var grade = Grader.Verdict("99.1", Layout, run, PassedAndEnded, Limit);
            Assert.Equal(ExerciseStatus.Failed, grade.Status);
            Assert.Contains("holds 0 cells, not the grading notebook's 5 or more", grade.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_run_that_ended_without_an_executed_copy_fails_and_says_where()
    {
        var crashed = new NotebookResult("n", NotebookStatus.Failed, 9, 5, null, new CellFailure(0, "dotnet-repl exited 134 and wrote no executed copy. Its output:\nStack overflow."), null);
        var grade = Grader.Verdict("99.1", Layout, crashed, Records((GradingRecord.Begin, "99.1"), (GradingRecord.Started, "99.1")), Limit);
        Assert.Equal(ExerciseStatus.Failed, grade.Status);
        Assert.StartsWith("the run stopped before it finished, while exercise 99.1's check '99.1' was running: dotnet-repl exited 134", grade.Message, StringComparison.Ordinal);
    }
}
