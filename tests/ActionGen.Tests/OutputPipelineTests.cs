using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>A learner's laptop without Chromium: the run goes on, says once why static images are skipped, and still writes stable ids.</summary>
[Collection(TestSchedule.BrowserAndRunner)]
public class OutputPipelineTests
{
    [Fact]
    public async Task Without_a_browser_the_run_goes_on_says_why_in_one_line_and_still_makes_chart_ids_stable()
    {
        string? before = Environment.GetEnvironmentVariable(HeadlessChromium.Variable);
        Environment.SetEnvironmentVariable(HeadlessChromium.Variable, "/nonexistent/chromium");
        try
        {
            var lines = new List<string>();
            await using (var pipeline = await OutputPipeline.StartAsync(RepositoryRoot.Paths, writeOutputs: false, quick: true, lines.Add))
            {
                Assert.Equal(0, pipeline.Failures);
            }
            string line = Assert.Single(lines);
            Assert.StartsWith("Static chart images skipped: ACTIONGEN_CHROMIUM names /nonexistent/chromium, which does not exist.", line, StringComparison.Ordinal);

            using var temp = new TempDirectory();
            string html = File.ReadAllText(RepositoryRoot.Path("tests", "ActionGen.Tests", "Fixtures", "outputs", "plotly-chart.html"));
            var notebook = new JsonObject
            {
                ["cells"] = new JsonArray(new JsonObject
                {
                    ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["source"] = "chart",
                    ["outputs"] = new JsonArray(new JsonObject
                    {
                        ["data"] = new JsonObject { ["text/html"] = IpynbJson.Lines(html) }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
                    }),
                }),
                ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
            };
            string executed = temp.File("07-x.ipynb", IpynbJson.Serialize(notebook));
            var report = await new OutputPostProcessor(renderer: null).ProcessAsync(executed, "07-x.ipynb");
            Assert.Equal(new PostProcessReport(Charts: 1, StaticImages: 0), report);
            string written = File.ReadAllText(executed);
            Assert.DoesNotContain("04a0f307-6ae9-43ce-aae3-b19c924a94c3", written, StringComparison.Ordinal);
            Assert.Contains(DeterministicIds.Derive("07-x.ipynb/cell 0/output 0", 0).ToString(), written, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HeadlessChromium.Variable, before);
        }
    }
}
