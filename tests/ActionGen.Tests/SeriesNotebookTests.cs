using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>
/// Every notebooks/NN-*.ipynb runs headless in quick mode; new notebooks are picked up automatically. The series runs
/// in two lanes, one per core: the notebooks listed in <see cref="SecondLaneNotebookTests"/> beside this class and every
/// other test. Notebooks that share the comparison suite's cache can sit in either lane: the cache measures each entry
/// once, and a notebook asks for its own columns first (see <c>ComparisonCache</c>).
/// </summary>
[TestCaseOrderer(SeriesOrder.TypeName, SeriesOrder.AssemblyName)]
public class SeriesNotebookTests
{
    public static TheoryData<string> Notebooks() => SeriesNotebookRun.Lane(second: false);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_clean_in_quick_mode(string notebook) => SeriesNotebookRun.AssertPasses(notebook);
}

/// <summary>The second lane: a collection of its own, so it runs beside the first on a 2-core machine.</summary>
[Collection(Name)]
[TestCaseOrderer(SeriesOrder.TypeName, SeriesOrder.AssemblyName)]
public class SecondLaneNotebookTests
{
    public const string Name = "notebooks, second lane";

    public static TheoryData<string> Notebooks() => SeriesNotebookRun.Lane(second: true);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_clean_in_quick_mode(string notebook) => SeriesNotebookRun.AssertPasses(notebook);
}

/// <summary>What both notebook test classes share: which notebooks, and one quick-mode run.</summary>
internal static class SeriesNotebookRun
{
    /// <summary>
    /// The notebooks of the second lane, by number, chosen so both lanes take about as long (quick-mode minutes measured
    /// by the runner, README): the rest of the test suite and 00, 01, 02, 06 in one; 03, 04, 05, 07 in the other.
    /// </summary>
    private static readonly string[] SecondLane = ["03", "04", "05", "07"];

    /// <summary>Every series notebook's file name, in series order.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string path in RepositoryRoot.Paths.SeriesNotebooks()) data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>The notebooks of one lane, in series order.</summary>
    public static TheoryData<string> Lane(bool second)
    {
        var data = new TheoryData<string>();
        foreach (string path in RepositoryRoot.Paths.SeriesNotebooks())
        {
            string name = Path.GetFileName(path);
            if (SecondLane.Contains(name[..2]) == second) data.Add(name);
        }
        return data;
    }

    public static void AssertPasses(string notebook)
    {
        var runner = new NotebookRunner(RepositoryRoot.Paths);
        var result = runner.Run(Path.Combine(RepositoryRoot.Paths.Notebooks, notebook),
            new NotebookRunOptions(Quick: true, Timeout: TimeSpan.FromMinutes(15), Threads: 1));
        Assert.True(result.Passed, result.Describe());
    }
}
