using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActionGen.Tests;

/// <summary>Starts the test collections in the order of <see cref="TestSchedule.Rank"/> (ties by name, so every run starts them alike).</summary>
public sealed class ScheduleOrderer : ITestCollectionOrderer
{
    public const string TypeName = "ActionGen.Tests.ScheduleOrderer";
    public const string AssemblyName = "ActionGen.Tests";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => TestSchedule.Rank(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
