using System.Net;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;
using PuppeteerSharp;

namespace ActionGen.Tests;

/// <summary>
/// The committed chart HTML where scripts run, as in VS Code: online, its own script (Plotly.NET's loader, with the
/// CDN answered from the local npm copies of the same plotly.js and require.js versions) draws the interactive chart
/// and removes the static image; offline, the static image stays.
/// </summary>
[Collection(TestSchedule.BrowserAndRunner)]
public class InteractiveChartTests
{
    private const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.28.0.min.js";
    private const string RequireCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";
    private static readonly string Screenshots = RepositoryRoot.Path("artifacts", "static-view");

    [Fact]
    public async Task Online_the_chart_script_draws_the_interactive_chart_and_removes_the_static_image()
    {
        var chart = FirstCommittedChart();
        var assets = new WebAssets(RepositoryRoot.Paths.Root);
        var served = new Dictionary<string, string>
        {
            [PlotlyCdn] = assets.PlotlyJs,
            [RequireCdn] = Path.Combine(assets.Modules, "requirejs", "require.js"),
        };
        var requested = new List<string>();

        await using var chromium = await HeadlessChromium.StartAsync();
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            lock (requested) requested.Add(e.Request.Url);
            if (served.TryGetValue(e.Request.Url, out string? file))
                await e.Request.RespondAsync(new ResponseData { Status = HttpStatusCode.OK, ContentType = "application/javascript", Body = await File.ReadAllTextAsync(file) });
            else if (e.Request.Url.StartsWith("data:", StringComparison.Ordinal) || e.Request.Url == "about:blank")
                await e.Request.ContinueAsync();
            else
                await e.Request.AbortAsync();
        };
        await page.SetContentAsync($"<!doctype html><html><head><meta charset=\"utf-8\"></head><body>{chart.Html}</body></html>");
        await page.WaitForSelectorAsync($"[id='{chart.Chart.DivId}'] svg.main-svg", new WaitForSelectorOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync($"() => !document.getElementById('{chart.Chart.DivId}-static')", new WaitForFunctionOptions { Timeout = 10_000 });
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(Path.Combine(Screenshots, "interactive-chart.png"));

        Assert.Contains(PlotlyCdn, requested);
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('[id=\"{chart.Chart.DivId}\"] img').length"));
    }

    [Fact]
    public async Task Offline_the_static_image_stays_where_the_chart_would_be()
    {
        var chart = FirstCommittedChart();
        await using var chromium = await HeadlessChromium.StartAsync();
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("http", StringComparison.Ordinal)) await e.Request.AbortAsync();
            else await e.Request.ContinueAsync();
        };
        await page.SetContentAsync($"<!doctype html><html><head><meta charset=\"utf-8\"></head><body>{chart.Html}</body></html>");
        await Task.Delay(1000); // the loader's script request fails; nothing else should happen
        var image = await page.QuerySelectorAsync($"[id='{chart.Chart.DivId}-static']");
        Assert.NotNull(image);
        var pixels = PixelStats.Of(await image.ScreenshotDataAsync());
        Assert.True(pixels.LooksLikeAChart, pixels.ToString());
    }

    private static ChartOutput FirstCommittedChart()
    {
        var chart = RepositoryRoot.Paths.SeriesNotebooks()
            .SelectMany(path => ChartOutput.FindAll(IpynbJson.Load(path)))
            .FirstOrDefault(c => c.HasStaticImage);
        Assert.True(chart is not null, "No committed notebook has a chart with a static image: refresh outputs with --write-outputs.");
        return chart;
    }
}
