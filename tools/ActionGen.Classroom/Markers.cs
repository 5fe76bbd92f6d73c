namespace ActionGen.Classroom;

/// <summary>nbgrader's markers, written as C# comments.</summary>
public static class Markers
{
    /// <summary>Starts the learner's part.</summary>
    public const string BeginSolution = "// BEGIN SOLUTION";

    /// <summary>Ends the learner's part.</summary>
    public const string EndSolution = "// END SOLUTION";

    /// <summary>Starts checks only the grader runs.</summary>
    public const string BeginHiddenTests = "// BEGIN HIDDEN TESTS";

    /// <summary>Ends checks only the grader runs.</summary>
    public const string EndHiddenTests = "// END HIDDEN TESTS";

    /// <summary>Every marker, for the checks on markdown cells.</summary>
    public static readonly string[] All = [BeginSolution, EndSolution, BeginHiddenTests, EndHiddenTests];

    /// <summary>A region between two markers, as 0-based line indices of the marker lines.</summary>
    public readonly record struct Region(int Begin, int End);

    /// <summary>
    /// Finds the <paramref name="begin"/> … <paramref name="end"/> regions of a cell's lines.
    /// </summary>
    /// <exception cref="MarkerException">An END without BEGIN, a BEGIN inside a region, or a BEGIN never closed.</exception>
    public static IReadOnlyList<Region> Find(IReadOnlyList<string> lines, string begin, string end, string notebook, int cell)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var regions = new List<Region>();
        int? open = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed == begin)
            {
                if (open is int o) throw new MarkerException(notebook, cell, i + 1, $"'{begin}' inside the region opened at line {o + 1}: regions cannot nest.");
                open = i;
            }
            else if (trimmed == end)
            {
                if (open is not int o) throw new MarkerException(notebook, cell, i + 1, $"'{end}' without a '{begin}' before it.");
                regions.Add(new Region(o, i));
                open = null;
            }
        }
        if (open is int unclosed) throw new MarkerException(notebook, cell, unclosed + 1, $"'{begin}' is never closed by '{end}'.");
        return regions;
    }
}
