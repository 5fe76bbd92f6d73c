using System.Diagnostics;
using System.Text.RegularExpressions;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;
using PuppeteerSharp;

namespace ActionGen.Tests;

/// <summary>
/// Every committed chart is visible where scripts do not run, checked on pixels: each notebook is rendered to HTML by
/// nbconvert with sanitising on (as nbviewer-like renderers do: scripts dropped, HTML preferred over images), every
/// remaining script removed, and the page opened in headless Chromium with JavaScript off. Each chart's screenshot (the
/// pixels checked) and one of the page's first screen go to artifacts/static-view/.
/// </summary>
[Collection(TestSchedule.BrowserAndRunner)]
public partial class StaticViewTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly string Screenshots = RepositoryRoot.Path("artifacts", "static-view");

    public static TheoryData<string> Notebooks() => SeriesNotebookRun.All();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_chart_shows_a_non_blank_image_with_scripts_removed(string notebook)
    {
        string source = Path.Combine(RepositoryRoot.Paths.Notebooks, notebook);
        var charts = ChartOutput.FindAll(IpynbJson.Load(source));
        Directory.CreateDirectory(Screenshots);
        string stem = Path.GetFileNameWithoutExtension(notebook);
        string page = Path.Combine(Screenshots, stem + ".html");
        File.WriteAllText(page, StripScripts(ConvertSanitised(source)));

        await using var tab = await browser.Chromium.Browser.NewPageAsync();
        await tab.SetJavaScriptEnabledAsync(false);
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1000, Height = 900 });
        await tab.GoToAsync(new Uri(page).AbsoluteUri);
        await tab.ScreenshotAsync(Path.Combine(Screenshots, stem + ".png"), new ScreenshotOptions());

        var cells = await tab.QuerySelectorAllAsync(".jp-Cell");
        Assert.Equal(IpynbJson.Cells(IpynbJson.Load(source)).Count, cells.Length);
        var problems = new List<string>();
        foreach (var chart in charts)
        {
            var outputs = await cells[chart.CellIndex].QuerySelectorAllAsync(".jp-OutputArea-child");
            if (chart.OutputIndex >= outputs.Length)
            {
                problems.Add($"cell {chart.CellIndex + 1}: output {chart.OutputIndex + 1} ('{chart.Chart.Title}') is not in the page at all");
                continue;
            }
            byte[] shot = await outputs[chart.OutputIndex].ScreenshotDataAsync();
            await File.WriteAllBytesAsync(Path.Combine(Screenshots, $"{stem}-cell{chart.CellIndex + 1}-output{chart.OutputIndex + 1}.png"), shot);
            var pixels = PixelStats.Of(shot);
            if (!pixels.LooksLikeAChart) problems.Add($"cell {chart.CellIndex + 1}, '{chart.Chart.Title}': shows {pixels}");
        }
        Assert.True(problems.Count == 0,
            $"{notebook}: {problems.Count} of {charts.Count} chart(s) are not visible without JavaScript:\n{string.Join('\n', problems)}\n" +
            $"Refresh the outputs where Chromium is installed: dotnet run --project tools/ActionGen.Notebooks -- --write-outputs notebooks/{notebook}");
    }

    /// <summary>nbconvert's HTML with sanitize_html on: lxml's cleaner drops the chart scripts, the output stays HTML.</summary>
    private static string ConvertSanitised(string notebook)
    {
        var start = new ProcessStartInfo("jupyter-nbconvert")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--to", "html", "--HTMLExporter.sanitize_html=True", "--stdout", notebook }) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("jupyter-nbconvert did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("jupyter-nbconvert is not installed (Debian: apt-get install jupyter-nbconvert; .ci/run installs it).", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            string html = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"nbconvert failed on {notebook}:\n{error.Result}");
            return html;
        }
    }

    /// <summary>The page as a renderer that runs no script shows it: every script element removed.</summary>
    private static string StripScripts(string html) => ScriptElement().Replace(html, "");

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
