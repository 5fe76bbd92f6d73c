using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ActionGen.NotebookOutputs;

/// <summary>
/// A chart output as Plotly.NET.Interactive writes it (a div, and a script that loads plotly.js and draws the figure
/// into it), with the figure taken apart so it can be drawn elsewhere: as a static image, or on the site.
/// </summary>
/// <param name="DivId">The id of the div the script draws into.</param>
/// <param name="DataJson">The figure's traces (JSON array).</param>
/// <param name="LayoutJson">The figure's layout (JSON object).</param>
/// <param name="ConfigJson">The figure's config (JSON object).</param>
public sealed partial record PlotlyChart(string DivId, string DataJson, string LayoutJson, string ConfigJson)
{
    /// <summary>The class of the static image placed inside the chart's div.</summary>
    public const string StaticImageClass = "actiongen-static-chart";

    /// <summary>Width of the static image when the layout sets none, in CSS pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Height of the static image when the layout sets none, in CSS pixels.</summary>
    public const int DefaultHeight = 500;

    private const string Placeholder = "<!-- Plotly chart will be drawn inside this DIV -->";

    /// <summary>Parses a chart output's HTML; null when the HTML is not a Plotly.NET chart.</summary>
    public static PlotlyChart? TryParse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var draw = NewPlotCall().Match(html);
        var data = Assignment("data").Match(html);
        var layout = Assignment("layout").Match(html);
        var config = Assignment("config").Match(html);
        if (!draw.Success || !data.Success || !layout.Success || !config.Success) return null;
        return new PlotlyChart(draw.Groups["id"].Value, data.Groups["json"].Value, layout.Groups["json"].Value, config.Groups["json"].Value);
    }

    /// <summary>The chart's title, or "chart" when it has none.</summary>
    public string Title
    {
        get
        {
            var title = Layout()?["title"];
            string? text = title is JsonObject o ? (string?)o["text"] : title is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            return string.IsNullOrWhiteSpace(text) ? "chart" : text;
        }
    }

    /// <summary>The size of the static image: the layout's own width and height, or the defaults.</summary>
    public (int Width, int Height) ImageSize
    {
        get
        {
            var layout = Layout();
            return (Dimension(layout?["width"], DefaultWidth), Dimension(layout?["height"], DefaultHeight));
        }
    }

    /// <summary>True when <paramref name="html"/> already holds a static image of its chart.</summary>
    public static bool HasStaticImage(string html) =>
        html?.Contains($"class=\"{StaticImageClass}\"", StringComparison.Ordinal) ?? false;

    /// <summary>
    /// The chart's HTML with a static PNG inside its div, so renderers that drop scripts show the image, and with the
    /// drawing script removing the image once plotly.js has drawn the interactive chart in its place.
    /// </summary>
    /// <exception cref="InvalidDataException">The HTML does not have the shape this class knows (a Plotly.NET update changed it).</exception>
    public string WithStaticImage(string html, string pngBase64)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pngBase64);
        if (HasStaticImage(html)) throw new InvalidOperationException($"Chart {DivId} already has a static image.");
        string openDiv = $"<div id=\"{DivId}\">{Placeholder}";
        string call = $"Plotly.newPlot('{DivId}', data, layout, config);";
        if (!html.Contains(openDiv, StringComparison.Ordinal) || !html.Contains(call, StringComparison.Ordinal))
            throw new InvalidDataException($"Chart {DivId}: the HTML is not laid out as Plotly.NET.Interactive 6 writes it; the static image cannot be placed.");

        var (width, height) = ImageSize;
        string alt = WebUtility.HtmlEncode($"{Title} (static image; where JavaScript runs, the interactive chart replaces it)");
        string image = string.Create(CultureInfo.InvariantCulture,
            $"<img id=\"{DivId}-static\" class=\"{StaticImageClass}\" src=\"data:image/png;base64,{pngBase64}\" width=\"{width}\" height=\"{height}\" alt=\"{alt}\" style=\"max-width:100%;height:auto\">");
        string removeImage = $"Plotly.newPlot('{DivId}', data, layout, config).then(function () {{ var image = document.getElementById('{DivId}-static'); if (image) {{ image.remove(); }} }});";
        return html.Replace(openDiv, $"<div id=\"{DivId}\">{image}", StringComparison.Ordinal)
                   .Replace(call, removeImage, StringComparison.Ordinal);
    }

    private JsonObject? Layout()
    {
        try
        {
            return JsonNode.Parse(LayoutJson) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static int Dimension(JsonNode? node, int fallback) =>
        node is JsonValue value && value.TryGetValue(out double number) && number >= 50 ? (int)Math.Round(number) : fallback;

    private static Regex Assignment(string name) => name switch
    {
        "data" => DataAssignment(),
        "layout" => LayoutAssignment(),
        _ => ConfigAssignment(),
    };

    [GeneratedRegex(@"Plotly\.newPlot\('(?<id>[^']+)', data, layout, config\)")]
    private static partial Regex NewPlotCall();

    [GeneratedRegex(@"var data = (?<json>\[.*\]);\r?\n")]
    private static partial Regex DataAssignment();

    [GeneratedRegex(@"var layout = (?<json>\{.*\});\r?\n")]
    private static partial Regex LayoutAssignment();

    [GeneratedRegex(@"var config = (?<json>\{.*\});\r?\n")]
    private static partial Regex ConfigAssignment();
}
