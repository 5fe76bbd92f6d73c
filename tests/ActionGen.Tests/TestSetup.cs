using System.Runtime.CompilerServices;
using ActionGen.Runtime;

// Two lanes on a 2-core machine: every test class shares one collection (run one test at a time, so in-process torch
// state is never shared by two tests), except the second lane of series notebooks, which runs in its own
// collection beside it (SecondLaneNotebookTests). Each lane uses one libtorch thread.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly, MaxParallelThreads = 2)]

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
