using ActionGen.Runtime;

namespace ActionGen.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> prepared, shown as the first output of every notebook.</summary>
public sealed record SetupReport(TorchRuntimeReport Runtime, DeviceChoice Device, int Seed, bool Quick)
{
    /// <inheritdoc />
    public override string ToString()
    {
        string mode = Quick ? "quick (ACTIONGEN_QUICK=1: smaller training budgets, same claims)" : "full";
        string note = Runtime.WeakenedVersions.Count == 0 ? "" :
            $"\nnote:   this system's C++ library predates GCC 13, so TorchSharp was told that the one symbol it wants from " +
            $"{string.Join(", ", Runtime.WeakenedVersions)} (never called) is optional. Harmless; details in README, Troubleshooting.";
        return $"ActionGen ready · TorchSharp {TorchRuntime.TorchSharpVersion} · libtorch {Runtime.Backend} · threads: {Runtime.Threads}\n" +
               $"device: {Device}\nseed:   {Seed} · mode: {mode}{note}";
    }
}
