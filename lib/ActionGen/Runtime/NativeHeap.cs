using System.Runtime.InteropServices;

namespace ActionGen.Runtime;

/// <summary>
/// Keeps glibc's allocator from handing libtorch's tensor memory back to the kernel after every free, on Linux.
/// </summary>
/// <remarks>
/// A training step or a sampling loop allocates and frees the same few tensors of a few hundred kilobytes to tens of
/// megabytes thousands of times. By default glibc serves blocks above a threshold with their own <c>mmap</c>, and
/// returns the top of the heap with <c>madvise</c>/<c>brk</c> once more than a threshold is free, so each new block
/// arrives as fresh pages the kernel must fault in and zero. Raising both thresholds keeps freed blocks in the process
/// for the next allocation of the same size: the arithmetic is unchanged (libtorch aligns every tensor to 64 bytes
/// either way), the process keeps its peak heap instead of shrinking after it, and resident memory stays flat during
/// training as before. Allocators that cache freed memory (jemalloc, tcmalloc) are the usual advice for PyTorch on CPU
/// for the same reason; this needs no extra library. Measured in <c>NativeHeapBenchmarks</c> (2 cores, one thread, 3,220
/// rows per call): DDPM-100 at width 256 took 11.4 s (± 0.07) against 14.7 s (± 2.9) with glibc's defaults, FAST
/// tokens 3.61 against 3.71 s; training-bound work did not change (notebook 02 in quick mode: 102 against 104 s).
/// Elsewhere (macOS, Windows, musl) nothing is changed.
/// </remarks>
public static class NativeHeap
{
    /// <summary>glibc's <c>M_TRIM_THRESHOLD</c>: free memory at the heap's top above this is returned to the kernel.</summary>
    private const int TrimThresholdOption = -1;

    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c>: blocks above this get their own mapping, unmapped when freed.</summary>
    private const int MmapThresholdOption = -3;

    /// <summary>The largest mmap threshold glibc accepts on 64-bit hosts (half its 64 MB heap size): 32 MB.</summary>
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>Never trim the heap's top while the process runs (the largest value the option takes).</summary>
    public const int TrimThresholdBytes = int.MaxValue;

    /// <summary>The environment variable that leaves glibc's defaults alone when set to 0 (to compare, or to debug).</summary>
    public const string Variable = "ACTIONGEN_KEEP_FREED_MEMORY";

    /// <summary>
    /// Sets both thresholds once, on glibc hosts, unless <see cref="Variable"/> is 0. True when glibc accepted both.
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) == "0") return false;
        try
        {
            // mallopt returns 1 on success, 0 when the value is refused.
            return SetOption(MmapThresholdOption, MmapThresholdBytes) == 1 && SetOption(TrimThresholdOption, TrimThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;                                                                   // not glibc (e.g. musl without mallopt): defaults stay
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetOption(int option, int value);
}
