using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;

namespace ActionGen.Notebooks;

/// <summary>What post-processing did to one executed copy.</summary>
/// <param name="Charts">Chart outputs found.</param>
/// <param name="StaticImages">Static images drawn (0 when no renderer was available).</param>
public sealed record PostProcessReport(int Charts, int StaticImages);

/// <summary>
/// Makes an executed copy reproducible and readable without JavaScript: random ids in HTML outputs become ids derived
/// from notebook, cell and output index; each chart gets a static PNG, both inside its HTML (for renderers that pick
/// HTML and drop scripts) and as an image/png entry of the same output (for renderers that prefer images). Runs in
/// the runner after the kernel has exited, never in the kernel.
/// </summary>
/// <param name="renderer">Draws the static images; null skips them (the ids are still made deterministic).</param>
public sealed class OutputPostProcessor(StaticChartRenderer? renderer)
{
    /// <summary>Post-processes the executed copy at <paramref name="executedPath"/> in place.</summary>
    /// <param name="executedPath">The executed copy the runner wrote.</param>
    /// <param name="notebookName">The source notebook's file name, part of every derived id.</param>
    public async Task<PostProcessReport> ProcessAsync(string executedPath, string notebookName)
    {
        ArgumentNullException.ThrowIfNull(executedPath);
        var notebook = IpynbJson.Load(executedPath);
        var cells = IpynbJson.Cells(notebook);
        for (int c = 0; c < cells.Count; c++)
        {
            if (cells[c]["outputs"] is not JsonArray outputs) continue;
            for (int o = 0; o < outputs.Count; o++)
            {
                if (outputs[o]?["data"] is not JsonObject data || data[ChartOutput.HtmlMime] is not JsonNode html) continue;
                string text = IpynbJson.Text(html);
                string stable = DeterministicIds.Replace(text, $"{notebookName}/cell {c}/output {o}");
                if (stable != text) data[ChartOutput.HtmlMime] = IpynbJson.Lines(stable);
            }
        }

        var charts = ChartOutput.FindAll(notebook);
        int images = 0;
        if (renderer is not null)
        {
            foreach (var chart in charts.Where(c => !c.HasStaticImage))
            {
                string png = await renderer.RenderPngAsync(chart.Chart).ConfigureAwait(false);
                var data = (JsonObject)chart.Output["data"]!;
                data[ChartOutput.HtmlMime] = IpynbJson.Lines(chart.Chart.WithStaticImage(chart.Html, png));
                IpynbJson.SetSorted(data, ChartOutput.PngMime, png);
                images++;
            }
        }
        await File.WriteAllTextAsync(executedPath, IpynbJson.Serialize(notebook)).ConfigureAwait(false);
        return new PostProcessReport(charts.Count, images);
    }
}
