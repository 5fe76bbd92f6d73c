using ActionGen.Classroom;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>Each exercise is graded on its own, each grading run in its own folder, and a hang is stopped and named.</summary>
[Collection(TestSchedule.Grading)]
public class GraderIsolationTests
{
    private static readonly NotebookRunOptions Quick = new(Quick: true, Timeout: TimeSpan.FromMinutes(5), Threads: 1);

    private static ExerciseGrade Exercise(GradingReport report, string id) => report.Exercises.Single(e => e.Exercise == id);

    [Fact]
    public void A_syntax_error_in_one_solution_does_not_fail_the_next_exercise()
    {
        // The fixture's `using ActionGen.Exercises;` sits in 99.1's check cell, as in notebook 00.
        using var temp = new TempDirectory();
        string student = StudentNotebook.Write(temp.Path,
            ("99.1", "int Add(int a, int b)\n{\n    return a + ;\n}"), ("99.2", StudentNotebook.RightGreet));
        var report = new Grader(RepositoryRoot.Paths, Quick).Grade(student, StudentNotebook.FixtureFolder);

        var add = Exercise(report, "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("Invalid expression term ';'", add.Message, StringComparison.Ordinal);
        var greet = Exercise(report, "99.2");
        Assert.True(greet.Status == ExerciseStatus.Passed, greet.Message);
    }

    [Fact]
    public void A_syntax_error_in_notebook_00s_first_exercise_leaves_the_second_graded()
    {
        // The case as reported: notebook 00's `using ActionGen.Exercises;` sits in 00.1's check cell.
        string sourcePath = RepositoryRoot.Paths.SeriesNotebooks()[0];
        var source = NotebookFile.Load(sourcePath);
        var exercises = ExerciseCells.Of(source, Path.GetFileName(sourcePath), []);
        Assert.True(exercises.Count >= 2, "notebook 00 has two exercises");
        var sourceCells = NotebookCells.Cells(source);
        var student = System.Text.Json.Nodes.JsonNode.Parse(StudentVersion.Generate(sourcePath))!.AsObject();
        foreach (var cell in NotebookCells.Cells(student))
        {
            var tag = cell["metadata"]?[StudentVersion.MetadataKey];
            if ((string?)tag?["role"] != "solution") continue;
            if ((string?)tag["exercise"] == exercises[0].Exercise) NotebookCells.SetSource(cell, ["Vec2 Broken(", "{"]);
            if ((string?)tag["exercise"] == exercises[1].Exercise) NotebookCells.SetSource(cell, NotebookCells.SourceLines(sourceCells[exercises[1].SolutionCell]));
        }
        using var temp = new TempDirectory();
        string path = temp.File(Path.GetFileName(sourcePath), NotebookCells.Serialize(student));

        var report = new Grader(RepositoryRoot.Paths, Quick).Grade(path);

        var first = Exercise(report, exercises[0].Exercise);
        Assert.Equal(ExerciseStatus.Failed, first.Status);
        Assert.Contains("does not compile", first.Message, StringComparison.Ordinal);
        var second = Exercise(report, exercises[1].Exercise);
        Assert.True(second.Status == ExerciseStatus.Passed, second.Message);
    }

    [Fact]
    public void Grading_leaves_the_series_executed_copies_alone()
    {
        string executed = Path.Combine(RepositoryRoot.Paths.ExecutedNotebooks, "99-fixture.ipynb");
        Directory.CreateDirectory(RepositoryRoot.Paths.ExecutedNotebooks);
        File.WriteAllText(executed, "the series' executed copy");
        try
        {
            using var temp = new TempDirectory();
            string student = StudentNotebook.Write(temp.Path, ("99.1", StudentNotebook.RightAdd));
            var report = new Grader(RepositoryRoot.Paths, Quick).Grade(student, StudentNotebook.FixtureFolder);
            Assert.Equal(ExerciseStatus.Passed, Exercise(report, "99.1").Status);
            Assert.Equal("the series' executed copy", File.ReadAllText(executed));
        }
        finally
        {
            File.Delete(executed);
        }
    }

    [Fact]
    public async Task Two_grading_runs_at_once_keep_their_students_apart()
    {
        using var temp = new TempDirectory();
        string right = StudentNotebook.Write(Path.Combine(temp.Path, "right"), ("99.1", StudentNotebook.RightAdd), ("99.2", StudentNotebook.RightGreet));
        string wrong = StudentNotebook.Write(Path.Combine(temp.Path, "wrong"),
            ("99.1", "int Add(int a, int b)\n{\n    return a - b;\n}"), ("99.2", StudentNotebook.WrongGreet));

        var reports = await Task.WhenAll(new[] { right, wrong }
            .Select(student => Task.Run(() => new Grader(RepositoryRoot.Paths, Quick).Grade(student, StudentNotebook.FixtureFolder))));

        Assert.Equal(2, reports[0].Score);
        Assert.Equal(0, reports[1].Score);
    }

    [Fact]
    public void A_hang_is_stopped_by_the_time_limit_and_the_report_names_the_exercise()
    {
        using var temp = new TempDirectory();
        string student = StudentNotebook.Write(temp.Path,
            ("99.1", StudentNotebook.RightAdd), ("99.2", "string Greet(string name)\n{\n    while (true) { }\n}"));
        var options = Quick with { Timeout = TimeSpan.FromSeconds(15) };                      // 3× what the first exercise takes on a busy 2-core machine
        var report = new Grader(RepositoryRoot.Paths, options).Grade(student, StudentNotebook.FixtureFolder);

        Assert.Equal(ExerciseStatus.Passed, Exercise(report, "99.1").Status);
        var greet = Exercise(report, "99.2");
        Assert.Equal(ExerciseStatus.Failed, greet.Status);
        Assert.Contains("time ran out after 15 s", greet.Message, StringComparison.Ordinal);
        Assert.Contains("'99.2'", greet.Message, StringComparison.Ordinal);
    }
}
