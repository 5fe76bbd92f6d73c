using ActionGen.NotebookOutputs;
using PuppeteerSharp;

namespace ActionGen.Notebooks;

/// <summary>
/// Draws chart figures to PNG with plotly.js (installed from npm, the version the notebooks load) in headless
/// Chromium, offline: the image is what a browser draws, not a re-implementation.
/// </summary>
public sealed class StaticChartRenderer : IAsyncDisposable
{
    private const string DrawToPng = """
        async (dataJson, layoutJson, width, height) => {
            const div = document.createElement('div');
            document.body.appendChild(div);
            try {
                await Plotly.newPlot(div, JSON.parse(dataJson), JSON.parse(layoutJson), { staticPlot: true });
                return await Plotly.toImage(div, { format: 'png', width: width, height: height });
            } finally {
                Plotly.purge(div);
                div.remove();
            }
        }
        """;

    private readonly HeadlessChromium chromium;
    private readonly IPage page;

    private StaticChartRenderer(HeadlessChromium chromium, IPage page)
    {
        this.chromium = chromium;
        this.page = page;
    }

    /// <summary>Why static images cannot be drawn on this machine, or null when they can.</summary>
    public static string? Problem(RepositoryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string? browser = HeadlessChromium.Problem();
        if (browser is not null) return browser;
        var assets = new WebAssets(paths.Root);
        return File.Exists(assets.PlotlyJs) ? null : $"plotly.js is not installed (run: {WebAssets.InstallCommand})";
    }

    /// <summary>Starts a browser with plotly.js loaded from the local npm package.</summary>
    /// <exception cref="InvalidOperationException">The browser or plotly.js is missing (see <see cref="Problem"/>).</exception>
    public static async Task<StaticChartRenderer> StartAsync(RepositoryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (Problem(paths) is string problem) throw new InvalidOperationException("Cannot draw static chart images: " + problem);
        var chromium = await HeadlessChromium.StartAsync().ConfigureAwait(false);
        try
        {
            var page = await chromium.Browser.NewPageAsync().ConfigureAwait(false);
            await page.SetContentAsync("<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>").ConfigureAwait(false);
            await page.AddScriptTagAsync(new AddTagOptions { Path = new WebAssets(paths.Root).PlotlyJs }).ConfigureAwait(false);
            return new StaticChartRenderer(chromium, page);
        }
        catch
        {
            await chromium.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The chart as a PNG, base64-encoded, at its <see cref="PlotlyChart.ImageSize"/>.</summary>
    public async Task<string> RenderPngAsync(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (width, height) = chart.ImageSize;
        string dataUrl = await page.EvaluateFunctionAsync<string>(DrawToPng, chart.DataJson, chart.LayoutJson, width, height).ConfigureAwait(false);
        const string prefix = "data:image/png;base64,";
        if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"plotly.js returned no PNG for chart '{chart.Title}'.");
        return dataUrl[prefix.Length..];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await page.CloseAsync().ConfigureAwait(false);
        await chromium.DisposeAsync().ConfigureAwait(false);
    }
}
