using System.Text.Json.Nodes;
using ActionGen.Classroom;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>The outputs committed in notebooks/: fresh, stamped, small, and written without touching anything else.</summary>
public class CommittedOutputsTests
{
    private const string Refresh = "dotnet run --project tools/ActionGen.Notebooks -- --write-outputs";
    private const long MaxNotebookBytes = 2 * 1024 * 1024;
    private static readonly string ChartHtml = File.ReadAllText(RepositoryRoot.Path("tests", "ActionGen.Tests", "Fixtures", "outputs", "plotly-chart.html"));

    public static TheoryData<string> Notebooks() => SeriesNotebookRun.All();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_code_cell_carries_full_mode_outputs_of_its_current_source(string notebook)
    {
        var stale = OutputFreshness.Check(IpynbJson.Load(Path.Combine(RepositoryRoot.Paths.Notebooks, notebook)), notebook);
        Assert.True(stale.Count == 0,
            $"{stale.Count} code cell(s) with stale or missing outputs:\n{string.Join('\n', stale.Take(12))}\n" +
            $"Refresh them (full mode, a few minutes): {Refresh} notebooks/{notebook}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_stays_under_2_MiB(string notebook)
    {
        long bytes = new FileInfo(Path.Combine(RepositoryRoot.Paths.Notebooks, notebook)).Length;
        Assert.True(bytes < MaxNotebookBytes, $"{notebook} is {bytes / 1048576.0:F2} MiB with its outputs; the limit is 2 MiB.");
    }

    [Fact]
    public void Every_notebook_and_student_version_reads_and_writes_back_byte_for_byte()
    {
        var files = RepositoryRoot.Paths.SeriesNotebooks()
            .Concat(Directory.GetFiles(RepositoryRoot.Path("exercises"), "*.ipynb")).ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            Assert.True(text == IpynbJson.Serialize(IpynbJson.Parse(text, file)), $"{file} does not survive a read and write unchanged");
        }
    }

    [Fact]
    public void A_cell_edited_after_its_run_is_stale_and_named_by_notebook_and_cell()
    {
        var notebook = Notebook(("markdown", "# title"), ("code", "var x = 1;"), ("code", "x"));
        foreach (var cell in IpynbJson.Cells(notebook).Where(IpynbJson.IsCode)) SourceStamp.Write(cell, SourceStamp.FullMode);
        Assert.Empty(OutputFreshness.Check(notebook, "07-x.ipynb"));

        IpynbJson.Cells(notebook)[2]["source"] = "x + 1";
        var stale = Assert.Single(OutputFreshness.Check(notebook, "07-x.ipynb"));
        Assert.Equal("07-x.ipynb, cell 3: the source changed after its outputs were recorded", stale.ToString());
    }

    [Fact]
    public void A_cell_that_ran_and_printed_nothing_is_fresh_one_that_never_ran_or_ran_quick_is_not()
    {
        var notebook = Notebook(("code", "void F() { }"), ("code", "F();"), ("code", "var y = 2;"));
        var cells = IpynbJson.Cells(notebook);
        SourceStamp.Write(cells[0], SourceStamp.FullMode); // ran, no outputs: fresh
        SourceStamp.Write(cells[1], SourceStamp.QuickMode);
        var stale = OutputFreshness.Check(notebook, "07-x.ipynb");
        Assert.Equal([2, 3], stale.Select(s => s.CellNumber));
        Assert.Contains("quick-mode run", stale[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no recorded outputs", stale[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_back_changes_outputs_and_stamps_only_and_keeps_the_source_metadata()
    {
        using var temp = new TempDirectory();
        var source = Notebook(("markdown", "# Ünïcode — 🟢 stays as written\n\n$$a \\sim p(a \\mid s)$$"), ("code", "Console.WriteLine(\"hi\");"), ("code", "void F() { }"));
        string original = IpynbJson.Serialize(source);
        string sourcePath = temp.File("07-x.ipynb", original);

        var executed = (JsonObject)source.DeepClone();
        executed["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "rewritten-by-the-kernel" } };
        IpynbJson.Cells(executed)[1]["outputs"] = new JsonArray(new JsonObject
        {
            ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("hi\n"),
        });
        IpynbJson.Cells(executed)[1]["metadata"] = new JsonObject { ["dotnet_repl_cellExecutionStartTime"] = "2026-01-01T00:00:00" };
        string executedPath = temp.File("executed.ipynb", IpynbJson.Serialize(executed));

        Assert.Equal(2, OutputWriteBack.Write(sourcePath, executedPath, SourceStamp.FullMode));

        var written = IpynbJson.Load(sourcePath);
        Assert.Empty(OutputFreshness.Check(written, "07-x.ipynb"));
        Assert.Equal("hi\n", IpynbJson.Text(IpynbJson.Cells(written)[1]["outputs"]![0]!["text"]));
        Assert.Null(IpynbJson.Cells(written)[1]["metadata"]!["dotnet_repl_cellExecutionStartTime"]);
        Assert.Equal([1, 2], IpynbJson.Cells(written).Where(IpynbJson.IsCode).Select(c => (int?)c["execution_count"]));
        foreach (var cell in IpynbJson.Cells(written).Where(IpynbJson.IsCode))
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
            SourceStamp.Remove(cell);
        }
        Assert.Equal(original, IpynbJson.Serialize(written)); // markdown, code and notebook metadata: byte-identical
    }

    [Fact]
    public void Write_back_refuses_an_executed_copy_whose_cells_differ()
    {
        using var temp = new TempDirectory();
        string sourcePath = temp.File("07-x.ipynb", IpynbJson.Serialize(Notebook(("code", "var x = 1;"))));
        string executedPath = temp.File("executed.ipynb", IpynbJson.Serialize(Notebook(("code", "var x = 2;"))));
        string before = File.ReadAllText(sourcePath);
        var error = Assert.Throws<InvalidDataException>(() => OutputWriteBack.Write(sourcePath, executedPath, SourceStamp.FullMode));
        Assert.Contains("07-x.ipynb, cell 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(sourcePath));
    }

    [Fact]
    public void Chart_ids_are_derived_from_where_the_output_sits_and_a_second_pass_changes_nothing()
    {
        string once = DeterministicIds.Replace(ChartHtml, "00-x.ipynb/cell 8/output 0");
        Assert.DoesNotContain("04a0f307-6ae9-43ce-aae3-b19c924a94c3", once, StringComparison.Ordinal);
        Assert.DoesNotContain("04a0f3076ae943ceaae3b19c924a94c3", once, StringComparison.Ordinal);
        string id = DeterministicIds.Derive("00-x.ipynb/cell 8/output 0", 0).ToString();
        Assert.Contains($"<div id=\"{id}\">", once, StringComparison.Ordinal);
        Assert.Contains($"renderPlotly_{id.Replace("-", "", StringComparison.Ordinal)}()", once, StringComparison.Ordinal);
        Assert.Equal(once, DeterministicIds.Replace(once, "00-x.ipynb/cell 8/output 0"));
        Assert.NotEqual(once, DeterministicIds.Replace(ChartHtml, "00-x.ipynb/cell 9/output 0"));
    }

    [Fact]
    public void The_static_image_sits_in_the_chart_div_and_the_script_removes_it_once_drawn()
    {
        var chart = PlotlyChart.TryParse(ChartHtml);
        Assert.NotNull(chart);
        Assert.Equal("Two directions & their mean", chart.Title);
        Assert.Equal((600, 400), chart.ImageSize);
        Assert.StartsWith("[{\"type\":\"scatter\"", chart.DataJson, StringComparison.Ordinal);

        string html = chart.WithStaticImage(ChartHtml, "iVBORw0KGgo=");
        Assert.True(PlotlyChart.HasStaticImage(html));
        Assert.Contains("<div id=\"04a0f307-6ae9-43ce-aae3-b19c924a94c3\"><img id=\"04a0f307-6ae9-43ce-aae3-b19c924a94c3-static\" class=\"actiongen-static-chart\" src=\"data:image/png;base64,iVBORw0KGgo=\" width=\"600\" height=\"400\" alt=\"Two directions &amp; their mean (static image",
            html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot('04a0f307-6ae9-43ce-aae3-b19c924a94c3', data, layout, config).then(function () { var image = document.getElementById('04a0f307-6ae9-43ce-aae3-b19c924a94c3-static');",
            html, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => chart.WithStaticImage(html, "iVBORw0KGgo="));
        Assert.Null(PlotlyChart.TryParse("<pre>not a chart</pre>"));
    }

    [Fact]
    public void A_student_version_is_the_same_whether_or_not_its_source_carries_outputs()
    {
        using var temp = new TempDirectory();
        string source = RepositoryRoot.Path("tests", "ActionGen.Tests", "Fixtures", "classroom", "99-fixture.ipynb");
        var stamped = IpynbJson.Load(source);
        foreach (var cell in IpynbJson.Cells(stamped).Where(IpynbJson.IsCode))
        {
            cell["outputs"] = new JsonArray(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "out\n" });
            SourceStamp.Write(cell, SourceStamp.FullMode);
        }
        string withOutputs = temp.File("99-fixture.ipynb", IpynbJson.Serialize(stamped));
        Assert.Equal(StudentVersion.Generate(source), StudentVersion.Generate(withOutputs));
    }

    [Fact]
    public void The_runner_takes_write_outputs_as_an_option()
    {
        Assert.True(CommandLine.Parse(["--write-outputs", "notebooks/00-a.ipynb"], null).WriteOutputs);
        Assert.False(CommandLine.Parse([], null).WriteOutputs);
        Assert.Contains("--write-outputs", CommandLine.Usage, StringComparison.Ordinal);
    }

    private static JsonObject Notebook(params (string Type, string Source)[] cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)(c.Type == "code"
            ? new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(), ["source"] = IpynbJson.Lines(c.Source),
            }
            : new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = IpynbJson.Lines(c.Source) })).ToArray()),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
