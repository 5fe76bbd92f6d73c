using System.Diagnostics;

namespace ActionGen.Tests;

/// <summary>The instructor kit's command line, run as the workflow runs it: bad input gets a clear message and a non-zero exit.</summary>
[Collection(TestSchedule.Grading)]
public class ClassroomCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActionGen.Classroom.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the classroom tool did not finish");
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    [Fact]
    public void Grade_on_a_folder_without_student_notebooks_says_so_and_fails()
    {
        using var temp = new TempDirectory();
        var (exitCode, _, error) = Run("grade", temp.Path);
        Assert.Equal(2, exitCode);
        Assert.Contains($"No student notebooks (NN-*.ipynb) in {temp.Path}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_on_a_path_that_does_not_exist_says_so_and_fails()
    {
        var (exitCode, _, error) = Run("grade", "/nonexistent/exercises");
        Assert.Equal(2, exitCode);
        Assert.Contains("/nonexistent/exercises does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout-minutes", "soon", "--timeout-minutes needs a positive number of minutes, got 'soon'")]
    [InlineData("--timeout-minutes", "0", "--timeout-minutes needs a positive number of minutes, got '0'")]
    [InlineData("--fast", null, "Unknown option '--fast'")]
    public void Grade_rejects_bad_options_before_grading(string option, string? value, string message)
    {
        string[] arguments = value is null ? ["grade", "/nonexistent/00-x.ipynb", option] : ["grade", "/nonexistent/00-x.ipynb", option, value];
        var (exitCode, _, error) = Run(arguments);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_takes_no_option_as_another_options_value()
    {
        var (exitCode, _, error) = Run("grade", "/nonexistent/00-x.ipynb", "--report-dir", "--keep-work");
        Assert.Equal(2, exitCode);
        Assert.Contains("--report-dir needs a value", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "generate", "--out" }, "--out needs a folder")]
    [InlineData(new[] { "generate", "--bogus" }, "Unknown option '--bogus'")]
    [InlineData(new[] { "generate", "/nonexistent/00-x.ipynb", "--out", "/nonexistent/out" }, "'/nonexistent/00-x.ipynb': no such notebook")]
    public void Generate_rejects_bad_arguments_without_writing_anything(string[] arguments, string message)
    {
        // Before: the first two regenerated the repository's exercises/ and exited 0; the third crashed (exit 134).
        string exercises = Path.Combine(RepositoryRoot.Paths.Root, "exercises");
        var before = Directory.GetFiles(exercises).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var (exitCode, _, error) = Run(arguments);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(exercises).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void Generate_from_a_file_that_is_not_a_notebook_says_so()
    {
        using var temp = new TempDirectory();
        string bad = temp.File("00-bad.ipynb", "not json at all");
        var (exitCode, _, error) = Run("generate", bad, "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(2, exitCode);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")), "nothing is written for a source that cannot be read");
    }

    [Fact]
    public void Check_with_a_missing_report_says_so_and_fails()
    {
        var (exitCode, _, error) = Run("check", "/nonexistent/00-x.json", "00.1");
        Assert.Equal(2, exitCode);
        Assert.Contains("No grading report at /nonexistent/00-x.json", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a grading report")]
    [InlineData("{\"exercises\": 3}", "not a grading report")]
    public void Check_with_a_report_that_is_not_a_report_says_so_and_fails(string contents, string message)
    {
        using var temp = new TempDirectory();
        string report = temp.File("00-x.json", contents);
        var (exitCode, _, error) = Run("check", report, "00.1");
        Assert.Equal(2, exitCode);
        Assert.Contains(report, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reads_a_report_and_exits_by_the_exercise_status()
    {
        using var temp = new TempDirectory();
        string report = temp.File("00-x.json", """
            {"notebook": "00-x.ipynb", "exercises": [
              {"exercise": "00.1", "status": "Passed", "points": 1, "max_points": 1, "message": "fine"},
              {"exercise": "00.2", "status": "Failed", "points": 0, "max_points": 1, "message": "expected 1, got 2"}]}
            """);
        Assert.Equal(0, Run("check", report, "00.1").ExitCode);
        var failed = Run("check", report, "00.2");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("00.2: Failed — expected 1, got 2", failed.Output, StringComparison.Ordinal);
        var missing = Run("check", report, "00.3");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("has no exercise 00.3", missing.Error, StringComparison.Ordinal);
    }
}
