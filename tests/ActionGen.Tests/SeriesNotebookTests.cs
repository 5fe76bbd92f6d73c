using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>Every notebooks/NN-*.ipynb runs headless in quick mode; new notebooks are picked up automatically.</summary>
public class SeriesNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string path in RepositoryRoot.Paths.SeriesNotebooks()) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_clean_in_quick_mode(string notebook)
    {
        var runner = new NotebookRunner(RepositoryRoot.Paths);
        var result = runner.Run(Path.Combine(RepositoryRoot.Paths.Notebooks, notebook),
            new NotebookRunOptions(Quick: true, Timeout: TimeSpan.FromMinutes(15), Threads: 1));
        Assert.True(result.Passed, result.Describe());
    }
}
