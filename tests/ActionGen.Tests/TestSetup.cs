using System.Runtime.CompilerServices;
using ActionGen.Runtime;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ActionGen.Tests;

/// <summary>Runs before any test: one libtorch thread (2-core machines oversubscribe otherwise), natives loaded.</summary>
internal static class TestSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable(TorchRuntime.ThreadsVariable, "1");
        TorchRuntime.Initialize();
    }
}
