namespace ActionGen.Tests;

/// <summary>
/// How the tests share two cores. At most two tests run at once (one libtorch thread each), and a free core takes the
/// next waiting test in the order of <see cref="ScheduleOrderer"/>: each series notebook is a collection of its own,
/// started longest first, and the short tests follow in three collections, so both cores stay busy to the end
/// (longest-first list scheduling). The short tests are split by what they share: tests that use libtorch in this
/// process stay in the assembly's one default collection (never two at once); tests that only start other processes
/// run beside them in <see cref="Grading"/> and <see cref="BrowserAndRunner"/>.
/// </summary>
internal static class TestSchedule
{
    /// <summary>The start of a series notebook's collection name; the notebook's number follows.</summary>
    public const string NotebookPrefix = "notebook ";

    /// <summary>Grading runs: each starts its own kernels in temporary folders.</summary>
    public const string Grading = "grading runs";

    /// <summary>Headless Chromium, nbconvert and the notebook runner: they share ACTIONGEN_CHROMIUM and the executed-copy folder.</summary>
    public const string BrowserAndRunner = "browser and runner";

    /// <summary>
    /// The series notebooks by number, longest quick-mode run first: 04 419 s, 06 313 s, 03 244 s, 07 155 s, 02 151 s,
    /// 05 69 s, 01 31 s, 00 8 s (a fresh-clone CI run, 2026-12-04). Notebooks 04, 05 and 06 share the comparison cache,
    /// so which of them trains a column depends on who gets there first; the numbers they measure do not.
    /// </summary>
    public static readonly IReadOnlyList<string> Notebooks = ["04", "06", "03", "07", "02", "05", "01", "00"];

    /// <summary>Where a collection starts: notebooks in <see cref="Notebooks"/> order, then the short tests, the default collection last.</summary>
    public static int Rank(string collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.StartsWith(NotebookPrefix, StringComparison.Ordinal))
        {
            int index = Notebooks.ToList().IndexOf(collection[NotebookPrefix.Length..]);
            return index >= 0 ? index : Notebooks.Count;
        }
        return collection switch
        {
            Grading => Notebooks.Count + 1,
            BrowserAndRunner => Notebooks.Count + 2,
            _ => Notebooks.Count + 3,
        };
    }
}
