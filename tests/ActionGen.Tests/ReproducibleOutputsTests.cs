using System.Text.RegularExpressions;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>The outputs a run writes back are reproducible: two runs of notebook 00 with the same seed differ at most in lines that report wall time.</summary>
[Collection(TestSchedule.BrowserAndRunner)]
public partial class ReproducibleOutputsTests
{
    private const string Notebook = "00-deterministic-vs-probabilistic.ipynb";

    [Fact]
    public async Task Two_runs_of_notebook_00_write_the_same_outputs_except_wall_times()
    {
        Assert.True(StaticChartRenderer.Problem(RepositoryRoot.Paths) is null,
            $"static images cannot be drawn here ({StaticChartRenderer.Problem(RepositoryRoot.Paths)}); .ci/run installs the renderer");
        using var temp = new TempDirectory();
        var written = new List<string[]>();
        await using (var renderer = await StaticChartRenderer.StartAsync(RepositoryRoot.Paths))
        {
            foreach (string run in new[] { "first", "second" })
            {
                var result = new NotebookRunner(RepositoryRoot.Paths).Run(Path.Combine(RepositoryRoot.Paths.Notebooks, Notebook),
                    new NotebookRunOptions(Quick: true, Timeout: TimeSpan.FromMinutes(10), Threads: 1,
                        ExecutedFolder: Path.Combine(temp.Path, run)));   // not artifacts/notebooks/, where the series test of notebook 00 may be writing
                Assert.True(result.Passed, result.Describe());
                var report = await new OutputPostProcessor(renderer).ProcessAsync(result.ExecutedCopy!, Notebook);
                Assert.True(report.Charts > 0 && report.StaticImages == report.Charts, $"{run} run: {report}");

                string copy = Path.Combine(temp.Path, $"{run}-{Notebook}");
                File.Copy(Path.Combine(RepositoryRoot.Paths.Notebooks, Notebook), copy);
                OutputWriteBack.Write(copy, result.ExecutedCopy!, SourceStamp.QuickMode);
                written.Add(File.ReadAllLines(copy));
            }
        }

        Assert.Equal(written[0].Length, written[1].Length);
        var differing = written[0].Zip(written[1]).Select((pair, line) => (pair.First, pair.Second, Line: line + 1))
            .Where(d => d.First != d.Second).ToList();
        var unexplained = differing.Where(d => !ReportsWallTime(d.First) || !ReportsWallTime(d.Second)).ToList();
        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} line(s) differ between two runs and report no wall time, e.g. line {unexplained.FirstOrDefault().Line}:\n" +
            $"{Shorten(unexplained.FirstOrDefault().First)}\n{Shorten(unexplained.FirstOrDefault().Second)}");
    }

    [Theory]
    [InlineData("\"MSE: 52 µs per action\\n\",", true)]
    [InlineData("\"trained in 1.4 s\\n\",", true)]
    [InlineData("\"DDIM-10: 1386 ms at batch 1\",", true)]
    [InlineData("\"left mean (-0.0416, 0.0241) clears\",", false)]
    public void Wall_time_lines_are_recognised(string line, bool expected) => Assert.Equal(expected, ReportsWallTime(line));

    private static bool ReportsWallTime(string? line) => line is not null && WallTime().IsMatch(line);

    private static string Shorten(string? line) => line is null ? "" : line.Length <= 300 ? line : line[..300] + " …";

    [GeneratedRegex(@"\d\s*(ns|µs|us|ms|s|sec|seconds|min|minutes)\b")]
    private static partial Regex WallTime();
}
