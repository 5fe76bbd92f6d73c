using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ActionGen.Site;

/// <summary>
/// Keeps TeX away from the markdown parser, as Jupyter's own markdown rendering does: every <c>$…$</c> and
/// <c>$$…$$</c> outside code (a formula may span lines, not a blank line; <c>\$</c> is a dollar sign) is swapped for
/// a placeholder before Markdig runs and put back afterwards, HTML-escaped, between the delimiters KaTeX typesets
/// (<c>\( … \)</c> inline, <c>\[ … \]</c> displayed). Without this, markdown would eat the backslashes and braces of
/// formulas (<c>\,</c> is an escaped comma to markdown) and could not see a formula that spans two lines.
/// </summary>
public sealed partial class MathSpans
{
    private readonly List<(bool Display, string Tex)> spans = [];

    private MathSpans()
    {
    }

    /// <summary>How many formulas were found.</summary>
    public int Count => spans.Count;

    /// <summary>Replaces the formulas of <paramref name="markdown"/> with placeholders; returns the text for Markdig and the formulas.</summary>
    public static (string Text, MathSpans Spans) Protect(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var math = new MathSpans();
        return (math.Replace(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)), math);
    }

    /// <summary>Puts the formulas back into the HTML Markdig produced.</summary>
    public string Restore(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        html = IdPlaceholder().Replace(html, ""); // a formula in a heading: keep it out of the heading's id
        return Placeholder().Replace(html, match =>
        {
            var (display, tex) = spans[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)];
            string escaped = WebUtility.HtmlEncode(tex);
            return display ? $"<span class=\"math display\">\\[{escaped}\\]</span>" : $"<span class=\"math\">\\({escaped}\\)</span>";
        });
    }

    private string Replace(string source)
    {
        var result = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            bool lineStart = i == 0 || source[i - 1] == '\n';
            if (lineStart && FenceAt(source, i) is int fenceEnd)
            {
                result.Append(source, i, fenceEnd - i);
                i = fenceEnd;
                continue;
            }
            char c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                result.Append(source, i, 2);
                i += 2;
                continue;
            }
            if (c == '`')
            {
                int run = Run(source, i, '`');
                int close = FindRun(source, i + run, '`', run);
                int end = close < 0 ? i + run : close + run;
                result.Append(source, i, end - i);
                i = end;
                continue;
            }
            if (c == '$')
            {
                bool display = i + 1 < source.Length && source[i + 1] == '$';
                int open = display ? 2 : 1;
                int close = FindClosingDollar(source, i + open, display);
                if (close > i + open)
                {
                    spans.Add((display, source[(i + open)..close]));
                    result.Append(CultureInfo.InvariantCulture, $"ActionGenMath{spans.Count - 1}x");
                    i = close + open;
                    continue;
                }
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }

    /// <summary>The index of the closing delimiter, or -1 (a blank line ends the search).</summary>
    private static int FindClosingDollar(string source, int start, bool display)
    {
        for (int j = start; j < source.Length; j++)
        {
            char c = source[j];
            if (c == '\\') { j++; continue; }
            if (c == '\n' && BlankLineAt(source, j + 1)) return -1;
            if (c != '$') continue;
            if (display) return j + 1 < source.Length && source[j + 1] == '$' ? j : -1;
            return j;
        }
        return -1;
    }

    private static bool BlankLineAt(string source, int start)
    {
        for (int j = start; j < source.Length && source[j] != '\n'; j++)
        {
            if (!char.IsWhiteSpace(source[j])) return false;
        }
        return true;
    }

    /// <summary>When a fenced code block opens at <paramref name="start"/>, the index just past its closing fence.</summary>
    private static int? FenceAt(string source, int start)
    {
        int lineEnd = source.IndexOf('\n', start);
        string line = lineEnd < 0 ? source[start..] : source[start..lineEnd];
        var open = FenceLine().Match(line);
        if (!open.Success) return null;
        string fence = open.Groups[1].Value;
        int next = lineEnd < 0 ? source.Length : lineEnd + 1;
        while (next < source.Length)
        {
            int end = source.IndexOf('\n', next);
            string candidate = end < 0 ? source[next..] : source[next..end];
            next = end < 0 ? source.Length : end + 1;
            if (candidate.Trim().StartsWith(fence, StringComparison.Ordinal) && candidate.Trim().Trim(fence[0]).Length == 0) return next;
        }
        return source.Length;
    }

    private static int Run(string source, int start, char c)
    {
        int j = start;
        while (j < source.Length && source[j] == c) j++;
        return j - start;
    }

    private static int FindRun(string source, int start, char c, int length)
    {
        for (int j = start; j < source.Length; j++)
        {
            if (source[j] != c) continue;
            int run = Run(source, j, c);
            if (run == length) return j;
            j += run - 1;
        }
        return -1;
    }

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"ActionGenMath(\d+)x")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"-?actiongenmath\d+x")]
    private static partial Regex IdPlaceholder();
}
