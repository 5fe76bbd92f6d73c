using System.Runtime.CompilerServices;
using ActionGen.Exercises;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace ActionGen.Interactive;

/// <summary>How the series' objects look in notebook output: charts as interactive plots, reports as plain text.</summary>
public static class KernelFormatters
{
    private static int registered;

    /// <summary>Registers the formatters once per process.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        // Plotly.NET.Interactive's own HTML, the same its kernel extension registers when loaded through #r "nuget:".
        Formatter.Register<GenericChart>(
            (chart, writer) => writer.Write(Plotly.NET.Interactive.Formatters.toInteractiveHTML(chart)),
            HtmlFormatter.MimeType);
        Formatter.Register<ActionGen.Reporting.ComparisonTable>((table, writer) => writer.Write(table.ToHtml()), HtmlFormatter.MimeType);
        RegisterAsText<SetupReport>();
        RegisterAsText<ExerciseResult>();
    }

    /// <summary>Shows <typeparamref name="T"/> as its ToString() in a preformatted block rather than as a property table.</summary>
    public static void RegisterAsText<T>()
    {
        Formatter.Register<T>(
            (value, writer) => writer.Write($"<pre>{System.Net.WebUtility.HtmlEncode(value?.ToString())}</pre>"),
            HtmlFormatter.MimeType);
    }
}
