using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;

namespace ActionGen.Notebooks;

/// <summary>What post-processing did to one executed copy.</summary>
/// <param name="Charts">Chart outputs found.</param>
/// <param name="StaticImages">Static images drawn (0 when no renderer was available).</param>
public sealed record PostProcessReport(int Charts, int StaticImages);

/// <summary>
/// Makes an executed copy reproducible and readable without JavaScript: random ids in HTML outputs become ids derived
/// from notebook, cell and output index; each chart gets a static PNG inside its HTML, which the chart's script
/// replaces where scripts run. Renderers that drop scripts pick the HTML over an image/png entry (nbconvert does, and
/// VS Code's order is the same), so the image goes where they look, once: a second copy as image/png would double
/// the images' weight (notebook 03 measured 2.4 MiB with both, over the 2 MiB limit). Runs in the runner after the
/// kernel has exited, never in the kernel.
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
                string png;
                try
                {
                    png = await renderer.RenderPngAsync(chart.Chart).ConfigureAwait(false);
                }
                catch (PuppeteerSharp.PuppeteerException e)
                {
                    throw new InvalidOperationException($"cell {chart.CellIndex + 1}, chart '{chart.Chart.Title}': plotly.js could not draw it: {e.Message}", e);
                }
                var data = (JsonObject)chart.Output["data"]!;
                data[ChartOutput.HtmlMime] = IpynbJson.Lines(chart.Chart.WithStaticImage(chart.Html, png));
                images++;
            }
        }
        await File.WriteAllTextAsync(executedPath, IpynbJson.Serialize(notebook)).ConfigureAwait(false);
        return new PostProcessReport(charts.Count, images);
    }
}
