using ActionGen.Notebooks;

namespace ActionGen.Tests;

[Collection(TestSchedule.BrowserAndRunner)]
public class NotebookRunnerTests
{
    private static readonly NotebookRunOptions Quick = new(Quick: true, Timeout: TimeSpan.FromMinutes(5), Threads: 1);

    [Fact]
    public void A_failing_cell_is_named_by_number_and_error_and_the_source_is_not_rewritten()
    {
        using var fixture = new NotebookFixture();
        string path = fixture.Write("99-fixture-failing.ipynb",
            ("markdown", "# fixture"),
            ("code", "var x = 1;"),
            ("code", "throw new InvalidOperationException(\"broken on purpose\");"),
            ("code", "var y = 2;"));
        byte[] before = File.ReadAllBytes(path);

        var result = new NotebookRunner(RepositoryRoot.Paths).Run(path, Quick);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.NotNull(result.Failure);
        Assert.Equal(3, result.Failure.CellNumber);
        Assert.Contains("broken on purpose", result.Failure.Error, StringComparison.Ordinal);
        Assert.Contains("99-fixture-failing.ipynb failed at cell 3", result.Describe(), StringComparison.Ordinal);
        Assert.Equal(3, result.CodeCells);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Quick_mode_reaches_the_kernel()
    {
        using var fixture = new NotebookFixture();
        string path = fixture.Write("98-fixture-quick.ipynb",
            ("code", "if (Environment.GetEnvironmentVariable(\"ACTIONGEN_QUICK\") != \"1\") throw new Exception(\"quick mode not set\");"));
        var result = new NotebookRunner(RepositoryRoot.Paths).Run(path, Quick);
        Assert.True(result.Passed, result.Describe());
    }

    [Fact]
    public void A_missing_notebook_is_reported_not_run()
    {
        var result = new NotebookRunner(RepositoryRoot.Paths).Run("/nonexistent/00-nope.ipynb", Quick);
        Assert.Equal(NotebookStatus.Invalid, result.Status);
        Assert.Contains("/nonexistent/00-nope.ipynb", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_reported_with_file_and_line()
    {
        using var temp = new TempDirectory();
        string path = temp.File("00-broken.ipynb", "{\n  \"cells\": [\n    {,\n  ]\n}");
        var error = Assert.Throws<InvalidDataException>(() => NotebookFile.Load(path));
        Assert.Contains("00-broken.ipynb", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_a_notebook_is_named_as_such()
    {
        using var temp = new TempDirectory();
        string path = temp.File("00-array.ipynb", "[1, 2]");
        var error = Assert.Throws<InvalidDataException>(() => NotebookFile.Load(path));
        Assert.Contains("not a notebook", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00-intro.ipynb", true)]
    [InlineData("12-x.ipynb", true)]
    [InlineData("probe.ipynb", false)]
    [InlineData("1-short.ipynb", false)]
    [InlineData("00-notes.md", false)]
    public void Series_notebooks_are_recognised_by_name(string name, bool expected) =>
        Assert.Equal(expected, RepositoryPaths.IsSeriesName(name));

    [Fact]
    public void The_series_is_found_in_order()
    {
        var names = RepositoryRoot.Paths.SeriesNotebooks().Select(Path.GetFileName).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.StartsWith("00-", names[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_options_parse_and_errors_are_explained()
    {
        var parsed = CommandLine.Parse(["--quick", "--timeout-minutes", "12", "--threads", "1", "a.ipynb"], null);
        Assert.Null(parsed.Error);
        Assert.True(parsed.Options.Quick);
        Assert.Equal(TimeSpan.FromMinutes(12), parsed.Options.Timeout);
        Assert.Equal(1, parsed.Options.Threads);
        Assert.Equal(["a.ipynb"], parsed.Notebooks);

        Assert.True(CommandLine.Parse([], "1").Options.Quick);
        Assert.False(CommandLine.Parse([], null).Options.Quick);
        Assert.Contains("--threads needs a positive whole number, got 'zero'", CommandLine.Parse(["--threads", "zero"], null).Error, StringComparison.Ordinal);
        Assert.Contains("Unknown option '--fast'", CommandLine.Parse(["--fast"], null).Error, StringComparison.Ordinal);
        Assert.Contains("up to 10080 (a week)", CommandLine.Parse(["--timeout-minutes", "1e300"], null).Error, StringComparison.Ordinal);
        using (var folder = new TempDirectory())
            Assert.Contains("is a folder: expected a notebook file", Assert.Throws<FileNotFoundException>(() => NotebookFile.Load(folder.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("Argument 2 is empty: expected a notebook path", CommandLine.Parse(["--quick", ""], null).Error, StringComparison.Ordinal);   // was an unhandled crash
    }

    [Fact]
    public void Parallel_runs_start_the_later_notebooks_first_and_share_the_cores()
    {
        Assert.Equal(3, CommandLine.Parse(["--parallel", "3"], null).Parallel);
        Assert.Equal(1, CommandLine.Parse([], null).Parallel);
        Assert.Equal("--parallel needs a positive whole number of notebooks at once, got '0'.", CommandLine.Parse(["--parallel", "0"], null).Error);
        Assert.Equal("--parallel needs a positive whole number of notebooks at once, got 'nothing'.", CommandLine.Parse(["--parallel"], null).Error);

        string[] series = ["00-a.ipynb", "01-b.ipynb", "02-c.ipynb"];
        Assert.Equal([0, 1, 2], RunSchedule.StartOrder(series, 1));
        Assert.Equal([2, 1, 0], RunSchedule.StartOrder(series, 2));
        Assert.Null(RunSchedule.ThreadsPerNotebook(null, 1, 2));          // one at a time: the kernel's own choice
        Assert.Equal(1, RunSchedule.ThreadsPerNotebook(null, 2, 2));
        Assert.Equal(2, RunSchedule.ThreadsPerNotebook(null, 2, 4));
        Assert.Equal(1, RunSchedule.ThreadsPerNotebook(null, 3, 2));      // never zero
        Assert.Equal(2, RunSchedule.ThreadsPerNotebook(2, 2, 2));         // --threads wins
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("two")]
    public void Threads_must_be_a_positive_whole_number(string value)
    {
        var parsed = CommandLine.Parse(["--threads", value], null);
        Assert.Equal($"--threads needs a positive whole number, got '{value}'.", parsed.Error);
    }

    [Fact]
    public void A_stale_tool_cache_entry_is_named_with_what_to_do()
    {
        // The state a deleted clone's private package folder leaves behind in the SDK's per-user tool cache.
        using var fixture = new NotebookFixture();
        string path = fixture.Write("97-fixture-tools.ipynb", ("code", "var x = 1;"));
        using var home = new TempDirectory();
        string cache = Path.Combine(home.Path, ".dotnet", "toolResolverCache", "1");
        Directory.CreateDirectory(cache);
        string entry = Path.Combine(cache, "dotnet-repl");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryRoot.Path(".config", "dotnet-tools.json")))!;
        string version = (string)manifest["tools"]!["dotnet-repl"]!["version"]!;
        File.WriteAllText(entry, $$"""[{"Version":"{{version}}","TargetFramework":"net10.0","RuntimeIdentifier":"any","Name":"dotnet-repl","Runner":"dotnet","PathToExecutable":"/nonexistent/ci-packages/dotnet-repl/{{version}}/tools/net10.0/any/dotnet-repl.dll"}]""");

        // The kernel's CLI home only: other tests start kernels at the same time, and must keep the user's.
        var result = new NotebookRunner(RepositoryRoot.Paths).Run(path,
            Quick with { EnvironmentVariables = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = home.Path } });

        Assert.Equal(NotebookStatus.Failed, result.Status);
        string message = result.Describe();
        Assert.Contains(entry, message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/ci-packages/dotnet-repl", message, StringComparison.Ordinal);
        Assert.Contains("Delete", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_table_lists_each_notebook_and_the_total()
    {
        var table = SummaryTable.Render([
            new NotebookResult("00-a.ipynb", NotebookStatus.Passed, 1.5, 3, null, null, null),
            new NotebookResult("01-b.ipynb", NotebookStatus.Failed, 2.26, 4, null, new CellFailure(2, "x"), null)]);
        Assert.Contains("00-a.ipynb  Passed         1.5", table, StringComparison.Ordinal);
        Assert.Contains("01-b.ipynb  Failed         2.3", table, StringComparison.Ordinal);
        Assert.Equal(["total", "3.8"], table.Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
