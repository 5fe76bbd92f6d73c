using System.Reflection;
using System.Runtime.Loader;

namespace ActionGen.Interactive;

/// <summary>
/// Lets Plotly.NET 6 (built against FSharp.Core 10.1) run in a kernel that has already loaded an older FSharp.Core.
/// </summary>
/// <remarks>
/// The default load context cannot hold two FSharp.Core versions, so a request for 10.1 fails with
/// <see cref="FileNotFoundException"/>. Answering such requests with the FSharp.Core already loaded works, because
/// Plotly.NET uses nothing added since. Must run before any Plotly type is touched.
/// </remarks>
public static class FSharpCoreBinding
{
    private static int installed;

    /// <summary>Installs the resolver once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += ResolveFSharpCore;
    }

    private static Assembly? ResolveFSharpCore(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core") return null;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name == "FSharp.Core")
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
    }
}
