using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>What <see cref="TorchRuntime.Initialize"/> found and did.</summary>
/// <param name="NativeDirectory">The folder libtorch and LibTorchSharp were loaded from, or null where TorchSharp's own loader was left to find them.</param>
/// <param name="Backend">"cpu" or "cuda": which libtorch build sits in that folder.</param>
/// <param name="WeakenedVersions">Symbol versions marked weak so the host's loader accepts LibTorchSharp (empty where the host has them all).</param>
/// <param name="Threads">The number of intra-op threads libtorch uses.</param>
/// <param name="KeepsFreedMemory">Whether glibc's allocator keeps freed tensor memory for reuse (see <see cref="NativeHeap"/>).</param>
public sealed record TorchRuntimeReport(string? NativeDirectory, string Backend, IReadOnlyList<string> WeakenedVersions, int Threads, bool KeepsFreedMemory = false);

/// <summary>
/// Makes TorchSharp's native libraries load on every host the series runs on, before the first tensor is created.
/// </summary>
/// <remarks>
/// Two problems are solved here, once per process, and glibc's allocator is told to keep freed memory for the next
/// tensor (<see cref="NativeHeap"/>):
/// <list type="number">
/// <item>LibTorchSharp 0.107.0 declares a need for <c>GLIBCXX_3.4.32</c> (GCC 13), which Debian 12 and Ubuntu 22.04 lack.
/// The only symbol of that version is <c>std::ios_base_library_init</c>, a marker nothing calls at run time, so the
/// need is marked weak in the library file (see <see cref="ElfVersionNeeds"/>). No other missing version is tolerated.</item>
/// <item>A system libtorch (Debian's libtorch-dev) found by name would shadow the package's own. Loading the package's
/// libraries by absolute path first, in dependency order, pins every later lookup by name to them.</item>
/// </list>
/// Set <c>ACTIONGEN_THREADS</c> to pin libtorch's thread count (tests and CI pin it to 1).
/// </remarks>
public static class TorchRuntime
{
    /// <summary>Symbol versions that may be marked weak, each with the reason it is safe.</summary>
    private static readonly Dictionary<string, string> TolerableMissingVersions = new()
    {
        ["GLIBCXX_3.4.32"] = "only std::ios_base_library_init (an iostream-init marker GCC 13 emits) has it; nothing calls it",
    };

    /// <summary>Load order: each library after the ones it links against.</summary>
    private static readonly string[] LoadOrder =
    [
        "libgomp", "libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so", "libLibTorchSharp.so",
    ];

    private static readonly Lock Gate = new();
    private static TorchRuntimeReport? report;

    /// <summary>The environment variable that pins libtorch's thread count.</summary>
    public const string ThreadsVariable = "ACTIONGEN_THREADS";

    /// <summary>Prepares and loads the native libraries once; later calls return the first report.</summary>
    /// <exception cref="InvalidOperationException">LibTorchSharp needs a symbol version the host lacks and that is not known to be safe to weaken.</exception>
    public static TorchRuntimeReport Initialize()
    {
        lock (Gate)
        {
            report ??= InitializeOnce();
            // ACTIONGEN_THREADS may be set after the first call (the library prepares the runtime as soon as it is loaded).
            int threads = ReadThreadSetting();
            if (threads > 0 && threads != report.Threads)
            {
                torch.set_num_threads(threads);
                report = report with { Threads = torch.get_num_threads() };
            }
            return report;
        }
    }

    /// <summary>
    /// Runs when the library is loaded — before the code that first uses it, argument expressions included — so a
    /// caller whose first line is <c>MixtureNll.Stable(torch.zeros(…), …)</c> gets the prepared runtime too. A failure
    /// here is left for the next explicit <see cref="Initialize"/> call to report with its full message.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "TorchSharp's own loader fails on Debian 12 hosts before any explicit call could prepare it; the initializer is guarded and idempotent.")]
    internal static void PrepareOnLoad()
    {
        try
        {
            Initialize();
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Reported by the next explicit Initialize() call, which tries again and throws the same clear error.
        }
    }

    private static TorchRuntimeReport InitializeOnce()
    {
        bool keepsFreedMemory = NativeHeap.KeepFreedMemory();                                  // before libtorch allocates anything
        string? nativeDirectory = OperatingSystem.IsLinux() ? FindNativeDirectory() : null;
        var weakened = new List<string>();
        string backend = "cpu";
        if (nativeDirectory is not null)
        {
            weakened.AddRange(MakeLoadable(Path.Combine(nativeDirectory, "libLibTorchSharp.so")));
            backend = File.Exists(Path.Combine(nativeDirectory, "libtorch_cuda.so")) ? "cuda" : "cpu";
            Preload(nativeDirectory);
        }

        int threads = ReadThreadSetting();
        if (threads > 0) torch.set_num_threads(threads);
        return new TorchRuntimeReport(nativeDirectory, backend, weakened, torch.get_num_threads(), keepsFreedMemory);
    }

    private static int ReadThreadSetting()
    {
        string? text = Environment.GetEnvironmentVariable(ThreadsVariable);
        if (string.IsNullOrWhiteSpace(text)) return 0;
        return int.TryParse(text, out int threads) && threads > 0
            ? threads
            : throw new InvalidOperationException($"{ThreadsVariable} must be a positive whole number; it is '{text}'.");
    }

    /// <summary>Marks weak the symbol versions <paramref name="library"/> needs from libstdc++ that this host lacks.</summary>
    /// <returns>The versions that were (or already had been) weakened.</returns>
    internal static IReadOnlyList<string> MakeLoadable(string library)
    {
        string? hostLibStdCxx = FindHostLibStdCxx();
        if (hostLibStdCxx is null || !File.Exists(library)) return [];

        byte[] host = File.ReadAllBytes(hostLibStdCxx);
        var missing = ElfVersionNeeds.Read(library)
            .Where(n => n.Library.StartsWith("libstdc++", StringComparison.Ordinal) && !Defines(host, n.Version))
            .ToList();
        var intolerable = missing.Where(n => !n.IsWeak && !TolerableMissingVersions.ContainsKey(n.Version)).ToList();
        if (intolerable.Count > 0)
            throw new InvalidOperationException(
                $"{library} needs {string.Join(", ", intolerable.Select(n => n.Version))} from libstdc++, which {hostLibStdCxx} " +
                "does not define. Use a host with a newer libstdc++ (Ubuntu 24.04, as in the devcontainer).");

        foreach (var need in missing.Where(n => !n.IsWeak)) ElfVersionNeeds.MarkWeak(library, need.Version);
        return missing.Select(n => n.Version).ToList();
    }

    /// <summary>True when the library image contains the version name as a string (its version definitions).</summary>
    private static bool Defines(byte[] image, string version)
    {
        byte[] needle = [.. System.Text.Encoding.ASCII.GetBytes(version), 0];
        return image.AsSpan().IndexOf(needle) >= 0;
    }

    /// <summary>The libstdc++ this process already uses (the .NET runtime links it), else the usual system path.</summary>
    private static string? FindHostLibStdCxx()
    {
        const string maps = "/proc/self/maps";
        if (File.Exists(maps))
        {
            foreach (string line in File.ReadLines(maps))
            {
                int slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal)) return line[slash..];
            }
        }
        string[] candidates = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6"];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The folder that holds libLibTorchSharp.so together with libtorch: beside TorchSharp.dll (a bin folder built for a
    /// runtime identifier) or under its runtimes/&lt;rid&gt;/native (a portable bin folder). Null when neither has them.
    /// </summary>
    internal static string? FindNativeDirectory()
    {
        string rid = RuntimeInformation.RuntimeIdentifier.StartsWith("linux-arm64", StringComparison.Ordinal) ? "linux-arm64" : "linux-x64";
        string assemblyDirectory = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        string[] local = [assemblyDirectory, Path.Combine(assemblyDirectory, "runtimes", rid, "native")];
        foreach (string candidate in local)
        {
            if (File.Exists(Path.Combine(candidate, "libLibTorchSharp.so")) && HasLibTorch(candidate)) return candidate;
        }
        return null;
    }

    private static bool HasLibTorch(string directory) => File.Exists(Path.Combine(directory, "libtorch_cpu.so"));

    private static void Preload(string directory)
    {
        var files = Directory.GetFiles(directory);
        foreach (string prefix in LoadOrder)
        {
            string? file = files.FirstOrDefault(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
            if (file is null) continue;
            if (!NativeLibrary.TryLoad(file, out _))
            {
                // Let dlopen say why (missing dependency, wrong architecture, refused symbol version).
                try { NativeLibrary.Load(file); }
                catch (DllNotFoundException e)
                {
                    throw new DllNotFoundException($"Could not load {file}: {e.Message}", e);
                }
            }
        }
    }

    /// <summary>The version of the TorchSharp managed bindings in use.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
}
