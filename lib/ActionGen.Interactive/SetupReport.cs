using ActionGen.Runtime;

namespace ActionGen.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> prepared, shown as the first output of every notebook.</summary>
public sealed record SetupReport(TorchRuntimeReport Runtime, DeviceChoice Device, int Seed, bool Quick)
{
    /// <inheritdoc />
    public override string ToString()
    {
        string mode = Quick ? "quick (ACTIONGEN_QUICK=1: smaller training budgets, same claims)" : "full";
        string patched = Runtime.WeakenedVersions.Count == 0 ? "" : $"; host libstdc++ lacks {string.Join(", ", Runtime.WeakenedVersions)} (marked weak, see README)";
        return $"ActionGen ready · TorchSharp {TorchRuntime.TorchSharpVersion}, libtorch {Runtime.Backend}, {Runtime.Threads} thread(s){patched}\n" +
               $"device: {Device}\nseed: {Seed} · mode: {mode}";
    }
}
