using System.Text.Json.Nodes;

namespace ActionGen.NotebookOutputs;

/// <summary>One chart among a notebook's outputs.</summary>
/// <param name="CellIndex">0-based index of the cell among all cells.</param>
/// <param name="OutputIndex">0-based index of the output within the cell.</param>
/// <param name="Output">The output object itself (display_data or execute_result), for editing in place.</param>
/// <param name="Chart">The parsed chart.</param>
public sealed record ChartOutput(int CellIndex, int OutputIndex, JsonObject Output, PlotlyChart Chart)
{
    /// <summary>The MIME type of the chart's HTML.</summary>
    public const string HtmlMime = "text/html";

    /// <summary>The output's HTML.</summary>
    public string Html => IpynbJson.Text(Output["data"]?[HtmlMime]);

    /// <summary>True when the chart's HTML carries its static image.</summary>
    public bool HasStaticImage => PlotlyChart.HasStaticImage(Html);

    /// <summary>Every chart output of <paramref name="notebook"/>, in notebook order.</summary>
    public static IReadOnlyList<ChartOutput> FindAll(JsonObject notebook)
    {
        var charts = new List<ChartOutput>();
        var cells = IpynbJson.Cells(notebook);
        for (int c = 0; c < cells.Count; c++)
        {
            if (!IpynbJson.IsCode(cells[c]) || cells[c]["outputs"] is not JsonArray outputs) continue;
            for (int o = 0; o < outputs.Count; o++)
            {
                if (outputs[o] is not JsonObject output || output["data"]?[HtmlMime] is not JsonNode html) continue;
                if (PlotlyChart.TryParse(IpynbJson.Text(html)) is PlotlyChart chart) charts.Add(new ChartOutput(c, o, output, chart));
            }
        }
        return charts;
    }
}
