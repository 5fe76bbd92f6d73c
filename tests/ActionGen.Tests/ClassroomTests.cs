using System.Text.Json.Nodes;
using ActionGen.Classroom;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

[Collection(TestSchedule.Grading)]
public class ClassroomTests
{
    private static readonly string FixtureFolder = RepositoryRoot.Path("tests", "ActionGen.Tests", "Fixtures", "classroom");
    private static readonly string Fixture = Path.Combine(FixtureFolder, "99-fixture.ipynb");
    private static readonly NotebookRunOptions Quick = new(Quick: true, Timeout: TimeSpan.FromMinutes(5), Threads: 1);

    [Fact]
    public void The_student_version_of_the_fixture_matches_the_checked_in_expectation_byte_for_byte()
    {
        string expected = File.ReadAllText(Path.Combine(FixtureFolder, "99-fixture.student.ipynb"));
        Assert.Equal(expected, StudentVersion.Generate(Fixture));
        Assert.Equal(StudentVersion.Generate(Fixture), StudentVersion.Generate(Fixture));
    }

    [Fact]
    public void Committed_student_notebooks_are_fresh_and_leak_nothing()
    {
        var sources = RepositoryRoot.Paths.SeriesNotebooks();
        Assert.NotEmpty(sources);
        foreach (string source in sources)
        {
            string student = RepositoryRoot.Path("exercises", Path.GetFileName(source));
            Assert.True(File.Exists(student), $"{student} is missing: run dotnet run --project tools/ActionGen.Classroom -- generate");
            string text = File.ReadAllText(student);
            Assert.True(text == StudentVersion.Generate(source), $"{student} is stale: run dotnet run --project tools/ActionGen.Classroom -- generate");
            Assert.DoesNotContain(Markers.BeginSolution, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Markers.BeginHiddenTests, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ActionGen.NotebookOutputs.SourceStamp.MetadataKey, text, StringComparison.Ordinal);
            var notebook = NotebookFile.Load(student);
            Assert.All(NotebookCells.Cells(notebook).Where(c => (string?)c["cell_type"] == "code"),
                c => Assert.Empty(c["outputs"]!.AsArray()));
        }
    }

    [Theory]
    [InlineData("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}", 3, "is never closed")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\nx\n// END SOLUTION\n// END SOLUTION", 2, "cannot nest")]
    [InlineData("x\n// END SOLUTION", 2, "without a '// BEGIN SOLUTION'")]
    public void Malformed_markers_are_reported_with_notebook_cell_and_line(string code, int line, string problem)
    {
        using var temp = new TempDirectory();
        string path = WriteNotebook(temp, [("markdown", "### Exercise 1.1"), ("code", code)]);
        var error = Assert.Throws<MarkerException>(() => StudentVersion.Generate(path));
        Assert.Equal(2, error.Cell);
        Assert.Equal(line, error.Line);
        Assert.Contains("01-broken.ipynb, cell 2, line", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_in_a_markdown_cell_is_an_error()
    {
        using var temp = new TempDirectory();
        string path = WriteNotebook(temp, [("markdown", "text\n// BEGIN SOLUTION")]);
        var error = Assert.Throws<MarkerException>(() => StudentVersion.Generate(path));
        Assert.Contains("cell 1, line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("markdown cell", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_solutions_grade_full_marks_and_the_student_version_zero_with_every_exercise_not_attempted()
    {
        var grader = new Grader(RepositoryRoot.Paths, Quick);
        var full = grader.Grade(Fixture, FixtureFolder);
        Assert.Equal((2, 2), (full.Score, full.MaxScore));
        Assert.All(full.Exercises, e => Assert.Equal(ExerciseStatus.Passed, e.Status));

        using var temp = new TempDirectory();
        string student = Path.Combine(temp.Path, "99-fixture.ipynb");
        File.WriteAllText(student, StudentVersion.Generate(Fixture));
        var zero = grader.Grade(student, FixtureFolder);
        Assert.Equal(0, zero.Score);
        Assert.All(zero.Exercises, e => Assert.Equal(ExerciseStatus.NotAttempted, e.Status));
        Assert.Contains("| 99.1 | NotAttempted | 0/1 |", zero.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_wrong_answer_fails_exactly_that_exercise_by_its_hidden_check()
    {
        using var temp = new TempDirectory();
        var student = JsonNode.Parse(StudentVersion.Generate(Fixture))!.AsObject();
        foreach (var cell in NotebookCells.Cells(student))
        {
            var tag = cell["metadata"]?[StudentVersion.MetadataKey];
            if ((string?)tag?["role"] != "solution") continue;
            string body = (string?)tag["exercise"] == "99.1" ? "return Math.Abs(a) + b;" : "return $\"hello {name}\";";
            string signature = (string?)tag["exercise"] == "99.1" ? "int Add(int a, int b)" : "string Greet(string name)";
            NotebookCells.SetSource(cell, [signature, "{", "    " + body, "}"]);
        }
        string path = Path.Combine(temp.Path, "99-fixture.ipynb");
        File.WriteAllText(path, NotebookCells.Serialize(student));

        var report = new Grader(RepositoryRoot.Paths, Quick).Grade(path, FixtureFolder);
        var add = report.Exercises.Single(e => e.Exercise == "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("99.1 (negative)", add.Message, StringComparison.Ordinal); // the hidden check, re-inserted for grading
        Assert.Contains("expected 0", add.Message, StringComparison.Ordinal);
        Assert.Equal(ExerciseStatus.Passed, report.Exercises.Single(e => e.Exercise == "99.2").Status);
        Assert.Equal(1, report.Score);
        Assert.Contains("\"status\": \"Failed\"", Grader.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_notebook_that_is_not_json_is_reported_not_crashed_on()
    {
        using var temp = new TempDirectory();
        string path = temp.File("99-fixture.ipynb", "{ not json");
        var report = new Grader(RepositoryRoot.Paths, Quick).Grade(path, FixtureFolder);
        Assert.Contains(report.Notes, n => n.Contains("could not be read", StringComparison.Ordinal));
        Assert.All(report.Exercises, e => Assert.NotEqual(ExerciseStatus.Passed, e.Status));
    }

    private static string WriteNotebook(TempDirectory temp, (string Type, string Source)[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = c.Type, ["metadata"] = new JsonObject(), ["source"] = c.Source,
                ["outputs"] = c.Type == "code" ? new JsonArray() : null,
            }).ToArray()),
            ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        return temp.File("01-broken.ipynb", notebook.ToJsonString());
    }

    [Fact]
    public void The_classroom_workflow_grades_every_exercise_of_the_series()
    {
        string workflow = File.ReadAllText(RepositoryRoot.Path(".github", "workflows", "classroom.yml"));
        string runners = workflow.Split('\n').Single(l => l.TrimStart().StartsWith("runners:", StringComparison.Ordinal));
        foreach (string source in RepositoryRoot.Paths.SeriesNotebooks())
        {
            string stem = Path.GetFileNameWithoutExtension(source);
            foreach (string id in NotebookCells.Cells(NotebookFile.Load(source)).Select(NotebookCells.AnnouncedExercise).OfType<string>().Distinct())
            {
                string step = "ex-" + id.Replace('.', '-');
                Assert.True(workflow.Contains($"check artifacts/grades/{stem}.json {id}", StringComparison.Ordinal), $"classroom.yml has no check step for exercise {id} of {stem}");
                Assert.True(runners.Contains(step, StringComparison.Ordinal), $"classroom.yml's reporter does not list {step}");
            }
        }
    }

    [Fact]
    public void Notebooks_that_build_the_comparison_suite_get_a_longer_default_time_limit()
    {
        var limits = RepositoryRoot.Paths.SeriesNotebooks().ToDictionary(p => Path.GetFileName(p)[..2], p => Grader.DefaultTimeout(NotebookFile.Load(p)));
        Assert.Equal(Grader.ComparisonNotebookTimeout, limits["05"]);                     // both add columns to notebook 04's table
        Assert.Equal(Grader.ComparisonNotebookTimeout, limits["06"]);
        Assert.Equal(Grader.ShortNotebookTimeout, limits["00"]);
        Assert.Equal(Grader.ShortNotebookTimeout, Grader.DefaultTimeout(NotebookFile.Load(Fixture)));
        Assert.True(Grader.ComparisonNotebookTimeout > Grader.ShortNotebookTimeout);
    }
}
