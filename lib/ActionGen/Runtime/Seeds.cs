using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>One call seeds every random number generator the library uses.</summary>
public static class Seeds
{
    /// <summary>The seed set by the last <see cref="Seed"/> call (0 before any).</summary>
    public static int Current { get; private set; }

    /// <summary>Seeds torch (CPU and, where present, CUDA) and records the seed for the library's own generators.</summary>
    /// <remarks>The library's data generators take a seed argument and make their own <see cref="Random"/> from it, so
    /// they never depend on call order; this seed is their default.</remarks>
    public static void Seed(int seed)
    {
        TorchRuntime.Initialize();
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
        Current = seed;
    }
}
