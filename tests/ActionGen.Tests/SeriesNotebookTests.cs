using System.Reflection;
using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>
/// A series notebook runs headless in quick mode. Each notebook has a class of its own below, in a collection of its
/// own, so the run can start the longest first (<see cref="TestSchedule"/>); <see cref="SeriesScheduleTests"/> fails
/// for a notebook without one.
/// </summary>
/// <param name="number">The notebook's two-digit number (notebooks/NN-title.ipynb).</param>
public abstract class SeriesNotebookTest(string number)
{
    /// <summary>The notebook's two-digit number.</summary>
    public string Number { get; } = number;

    [Fact]
    public void Runs_clean_in_quick_mode() => SeriesNotebookRun.AssertPasses(SeriesNotebookRun.FileName(Number));
}

[Collection(TestSchedule.NotebookPrefix + "00")] public sealed class Notebook00Tests() : SeriesNotebookTest("00");
[Collection(TestSchedule.NotebookPrefix + "01")] public sealed class Notebook01Tests() : SeriesNotebookTest("01");
[Collection(TestSchedule.NotebookPrefix + "02")] public sealed class Notebook02Tests() : SeriesNotebookTest("02");
[Collection(TestSchedule.NotebookPrefix + "03")] public sealed class Notebook03Tests() : SeriesNotebookTest("03");
[Collection(TestSchedule.NotebookPrefix + "04")] public sealed class Notebook04Tests() : SeriesNotebookTest("04");
[Collection(TestSchedule.NotebookPrefix + "05")] public sealed class Notebook05Tests() : SeriesNotebookTest("05");
[Collection(TestSchedule.NotebookPrefix + "06")] public sealed class Notebook06Tests() : SeriesNotebookTest("06");
[Collection(TestSchedule.NotebookPrefix + "07")] public sealed class Notebook07Tests() : SeriesNotebookTest("07");

/// <summary>Every series notebook is tested and scheduled, and nothing is scheduled that is not in the series.</summary>
public class SeriesScheduleTests
{
    [Fact]
    public void Every_series_notebook_has_a_test_class_of_its_own_and_a_place_in_the_schedule()
    {
        var onDisk = RepositoryRoot.Paths.SeriesNotebooks().Select(p => Path.GetFileName(p)[..2]).ToList();
        var tests = typeof(SeriesNotebookTest).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SeriesNotebookTest)) && !t.IsAbstract)
            .Select(t => (Type: t, Number: ((SeriesNotebookTest)Activator.CreateInstance(t)!).Number,
                          Collection: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CollectionAttribute))?.ConstructorArguments[0].Value as string))
            .ToList();

        foreach (string number in onDisk)
        {
            Assert.True(tests.Any(t => t.Number == number),
                $"{SeriesNotebookRun.FileName(number)} has no test: add `[Collection(TestSchedule.NotebookPrefix + \"{number}\")] public sealed class " +
                $"Notebook{number}Tests() : SeriesNotebookTest(\"{number}\");` to SeriesNotebookTests.cs");
            Assert.True(TestSchedule.Notebooks.Contains(number),
                $"{SeriesNotebookRun.FileName(number)} has no place in TestSchedule.Notebooks: add \"{number}\" where its quick-mode run time puts it (longest first)");
        }
        foreach (var (type, number, collection) in tests)
        {
            Assert.True(onDisk.Contains(number), $"{type.Name} tests notebook {number}, which the series does not have");
            Assert.True(collection == TestSchedule.NotebookPrefix + number,
                $"{type.Name} must sit in the collection \"{TestSchedule.NotebookPrefix}{number}\" of its own, got \"{collection}\"");
        }
        Assert.Equal(tests.Count, tests.Select(t => t.Number).Distinct().Count());
        Assert.Equal(TestSchedule.Notebooks.Count, TestSchedule.Notebooks.Distinct().Count());
        Assert.All(TestSchedule.Notebooks, n => Assert.Contains(n, onDisk));
    }
}

/// <summary>What the notebook tests share: which notebooks, and one quick-mode run.</summary>
internal static class SeriesNotebookRun
{
    /// <summary>Every series notebook's file name, in series order.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string path in RepositoryRoot.Paths.SeriesNotebooks()) data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>The file name of the series notebook numbered <paramref name="number"/>.</summary>
    /// <exception cref="InvalidOperationException">The series has no notebook with that number, or more than one.</exception>
    public static string FileName(string number)
    {
        var matches = RepositoryRoot.Paths.SeriesNotebooks().Select(p => Path.GetFileName(p)!).Where(n => n.StartsWith(number + "-", StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one notebooks/{number}-*.ipynb, found {matches.Count}: [{string.Join(", ", matches)}].");
    }

    public static void AssertPasses(string notebook)
    {
        var runner = new NotebookRunner(RepositoryRoot.Paths);
        var result = runner.Run(Path.Combine(RepositoryRoot.Paths.Notebooks, notebook),
            new NotebookRunOptions(Quick: true, Timeout: TimeSpan.FromMinutes(15), Threads: 1));
        Assert.True(result.Passed, result.Describe());
    }
}
