using ActionGen.Classroom;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>A student's solution cell tries to score marks it has not earned; the grader must not be fooled.</summary>
[Collection(TestSchedule.Grading)]
public class GraderAttackTests
{
    private static readonly NotebookRunOptions Quick = new(Quick: true, Timeout: TimeSpan.FromMinutes(5), Threads: 1);

    private static GradingReport Grade(params (string Exercise, string Source)[] solutions)
    {
        using var temp = new TempDirectory();
        string student = StudentNotebook.Write(temp.Path, solutions);
        return new Grader(RepositoryRoot.Paths, Quick).Grade(student, StudentNotebook.FixtureFolder);
    }

    private static ExerciseGrade Exercise(GradingReport report, string id) => report.Exercises.Single(e => e.Exercise == id);

    [Theory]
    [InlineData("Check")]
    [InlineData("Console")]
    public void A_solution_cell_that_declares_its_own_class_to_shadow_the_checks_scores_nothing(string shadowed)
    {
        // A wrong Add, and a class that prints pass lines for whatever calls it (the checks, or the check cells' output).
        string solution = $$"""
            int Add(int a, int b)
            {
                return 0;
            }

            static class {{shadowed}}
            {
                public static void Close(string exercise, Func<int> actual, int expected, int tolerance, string hint) => System.Console.WriteLine($"✔ Exercise {exercise} passed");
                public static void That(string exercise, Func<(bool, string, string)> condition, string hint) => System.Console.WriteLine($"✔ Exercise {exercise} passed");
                public static void WriteLine(string text) => System.Console.WriteLine("✔ Exercise 99.2 passed");
            }
            """;
        var report = Grade(("99.1", solution), ("99.2", StudentNotebook.WrongGreet));

        Assert.Equal(0, report.Score);
        var add = Exercise(report, "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains($"class {shadowed}", add.Message, StringComparison.Ordinal);
        Assert.Equal(ExerciseStatus.Failed, Exercise(report, "99.2").Status);
    }

    [Fact]
    public void Printing_pass_lines_and_then_throwing_is_a_failure()
    {
        const string solution = """
            int Add(int a, int b)
            {
                Console.WriteLine("✔ Exercise 99.1 passed: expected 5 (± 0), got 5 (off by 0).");
                Console.WriteLine("✔ Exercise 99.1 (negative) passed: expected 0 (± 0), got 0 (off by 0).");
                throw new InvalidOperationException("not really");
            }
            """;
        var add = Exercise(Grade(("99.1", solution)), "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("not really", add.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_that_calls_the_checks_itself_is_rejected()
    {
        const string solution = """
            int Add(int a, int b)
            {
                ActionGen.Exercises.Check.Close("99.1", () => 5.0, 5.0, 0, "forged");
                ActionGen.Exercises.Check.Close("99.1 (negative)", () => 0.0, 0.0, 0, "forged");
                return 0;
            }
            """;
        var add = Exercise(Grade(("99.1", solution)), "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("Check", add.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_that_ends_the_process_fails_only_its_own_exercise()
    {
        const string exit = "string Greet(string name)\n{\n    Environment.Exit(0);\n    return \"\";\n}";
        var report = Grade(("99.1", StudentNotebook.RightAdd), ("99.2", exit));
        Assert.Equal(ExerciseStatus.Passed, Exercise(report, "99.1").Status);
        var greet = Exercise(report, "99.2");
        Assert.Equal(ExerciseStatus.Failed, greet.Status);
        Assert.Contains("Environment", greet.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_that_crashes_the_kernel_fails_only_its_own_exercise_and_says_where()
    {
        // An honest mistake with the same effect as ending the process: unbounded recursion overflows the stack.
        const string recursion = "int Add(int a, int b)\n{\n    return Add(b, a);\n}";
        var report = Grade(("99.1", recursion), ("99.2", StudentNotebook.RightGreet));
        var add = Exercise(report, "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("stopped", add.Message, StringComparison.Ordinal);
        Assert.Contains("'99.1'", add.Message, StringComparison.Ordinal);
        Assert.Equal(ExerciseStatus.Passed, Exercise(report, "99.2").Status);
    }

    [Fact]
    public void Learner_code_cannot_read_the_grading_secret_even_where_the_instructor_allows_environment_and_files()
    {
        // A source whose own solution uses Environment and File, so the grader lets the learner use them too.
        using var temp = new TempDirectory();
        string sourceFolder = Path.Combine(temp.Path, "source");
        Directory.CreateDirectory(sourceFolder);
        string source = File.ReadAllText(StudentNotebook.Fixture).Replace(
            "return a + b;", "return a + b + (Environment.NewLine.Length > 0 && !System.IO.File.Exists(\\\"/nonexistent\\\") ? 0 : 1);", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(sourceFolder, "99-fixture.ipynb"), source);

        const string forger = """
            int Add(int a, int b)
            {
                string results = Environment.GetEnvironmentVariable("ACTIONGEN_GRADING_RESULTS") ?? "";
                string token = Environment.GetEnvironmentVariable("ACTIONGEN_GRADING_TOKEN") ?? "";
                if (results != "") System.IO.File.AppendAllText(results, "{\"token\":\"" + token + "\",\"event\":\"pass\",\"check\":\"99.1\"}\n");
                throw new InvalidOperationException($"seen: results='{results}' token='{token}'");
            }
            """;
        string student = StudentNotebook.Write(Path.Combine(temp.Path, "student"), ("99.1", forger));
        var report = new Grader(RepositoryRoot.Paths, Quick).Grade(student, sourceFolder);

        var add = Exercise(report, "99.1");
        Assert.Equal(ExerciseStatus.Failed, add.Status);
        Assert.Contains("seen: results='' token=''", add.Message, StringComparison.Ordinal);
    }
}
