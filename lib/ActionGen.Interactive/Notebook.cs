using System.Runtime.CompilerServices;
using ActionGen.Runtime;

namespace ActionGen.Interactive;

/// <summary>The first call of every notebook: charts, native libraries, threads, device and seed in one place.</summary>
public static class Notebook
{
    /// <summary>
    /// Prepares the kernel: FSharp.Core binding (before any chart type loads), TorchSharp's native libraries, chart
    /// display, device selection and seeding. Returns a one-screen report the notebook shows.
    /// </summary>
    /// <param name="seed">Seeds torch and every generator the library uses.</param>
    public static SetupReport Setup(int seed = 0)
    {
        FSharpCoreBinding.Install();
        return SetupAfterBinding(seed);
    }

    // Kept out of Setup so that nothing here is resolved before the FSharp.Core binding is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SetupReport SetupAfterBinding(int seed)
    {
        var runtime = TorchRuntime.Initialize();
        KernelFormatters.Register();
        var device = DeviceSelector.FromEnvironment();
        TorchDefaults.Device = device.Device; // policies created without a device argument go here
        Seeds.Seed(seed);
        return new SetupReport(runtime, device, seed, RunMode.IsQuick);
    }
}
