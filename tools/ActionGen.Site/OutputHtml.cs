using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActionGen.NotebookOutputs;

namespace ActionGen.Site;

/// <summary>
/// A code cell's outputs as page HTML: text as preformatted blocks, HTML (tables, reports) as is without scripts,
/// images inline, and charts as a figure that the site's own plotly.js draws.
/// </summary>
public static partial class OutputHtml
{
    /// <summary>Renders the outputs of cell <paramref name="cellIndex"/>; <paramref name="hasCharts"/> is set when a chart was among them.</summary>
    public static string Render(JsonArray outputs, int cellIndex, ref bool hasCharts)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var html = new StringBuilder();
        for (int o = 0; o < outputs.Count; o++)
        {
            if (outputs[o] is not JsonObject output) continue;
            switch ((string?)output["output_type"])
            {
                case "stream":
                    html.Append(CultureInfo.InvariantCulture, $"<pre class=\"output stream\">{Escape(IpynbJson.Text(output["text"]))}</pre>\n");
                    break;
                case "error":
                    string error = $"{(string?)output["ename"]}: {(string?)output["evalue"]}";
                    html.Append(CultureInfo.InvariantCulture, $"<pre class=\"output error\">{Escape(error)}</pre>\n");
                    break;
                default:
                    if (output["data"] is JsonObject data) html.Append(RenderData(data, $"chart-{cellIndex}-{o}", ref hasCharts));
                    break;
            }
        }
        return html.ToString();
    }

    private static string RenderData(JsonObject data, string id, ref bool hasCharts)
    {
        if (data["text/html"] is JsonNode htmlNode)
        {
            string html = IpynbJson.Text(htmlNode);
            if (PlotlyChart.TryParse(html) is PlotlyChart chart)
            {
                hasCharts = true;
                string figure = $"{{\"data\":{chart.DataJson},\"layout\":{chart.LayoutJson},\"config\":{chart.ConfigJson}}}";
                // The figure's own height is reserved before plotly.js draws it: no jump while the page loads, and no gap after.
                string reserved = string.Create(CultureInfo.InvariantCulture, $"min-height:{chart.ImageSize.Height}px");
                return $"<div class=\"output chart\" id=\"{id}\" style=\"{reserved}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(chart.Title)}\"></div>\n" +
                       $"<script type=\"application/json\" id=\"{id}-figure\">{figure.Replace("</", "<\\/", StringComparison.Ordinal)}</script>\n";
            }
            return $"<div class=\"output html\">{ScriptElement().Replace(html, "")}</div>\n";
        }
        if (data["image/png"] is JsonNode png)
            return $"<div class=\"output image\"><img src=\"data:image/png;base64,{IpynbJson.Text(png).Trim()}\" alt=\"output image\"></div>\n";
        if (data["image/svg+xml"] is JsonNode svg)
            return $"<div class=\"output image\"><img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(IpynbJson.Text(svg)))}\" alt=\"output image\"></div>\n";
        if (data["text/plain"] is JsonNode text)
            return $"<pre class=\"output text\">{Escape(IpynbJson.Text(text))}</pre>\n";
        return "";
    }

    /// <summary>HTML-escapes text for a preformatted block.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
