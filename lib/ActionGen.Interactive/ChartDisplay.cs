using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace ActionGen.Interactive;

/// <summary>Shows Plotly.NET charts as interactive HTML in notebook output.</summary>
public static class ChartDisplay
{
    private static int registered;

    /// <summary>Registers the HTML formatter for <see cref="GenericChart"/> once per process.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        // Plotly.NET.Interactive's own formatter: the same HTML the package's kernel extension would register.
        Formatter.Register<GenericChart>(
            (chart, writer) => writer.Write(Plotly.NET.Interactive.Formatters.toInteractiveHTML(chart)),
            HtmlFormatter.MimeType);
    }
}
