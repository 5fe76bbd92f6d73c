using System.Runtime.CompilerServices;
using ActionGen.Runtime;

// Two tests at a time on a 2-core machine, in the order TestSchedule gives. Test classes without a [Collection] share
// the assembly's one collection, so in-process torch state is never shared by two tests.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly, MaxParallelThreads = 2)]
[assembly: TestCollectionOrderer(ActionGen.Tests.ScheduleOrderer.TypeName, ActionGen.Tests.ScheduleOrderer.AssemblyName)]

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
