using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActionGen.Tests;

/// <summary>Runs a theory's cases in the order of their display names (for notebooks: NN-title, the series order), not xunit's hash order.</summary>
public sealed class SeriesOrder : ITestCaseOrderer
{
    public const string TypeName = "ActionGen.Tests.SeriesOrder";
    public const string AssemblyName = "ActionGen.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.DisplayName, StringComparer.Ordinal);
}
