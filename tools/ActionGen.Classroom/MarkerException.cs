namespace ActionGen.Classroom;

/// <summary>A malformed exercise marker, named by notebook, cell and line.</summary>
public sealed class MarkerException(string notebook, int cell, int line, string problem)
    : Exception($"{notebook}, cell {cell}, line {line}: {problem}")
{
    /// <summary>The notebook's file name.</summary>
    public string Notebook { get; } = notebook;

    /// <summary>1-based cell number.</summary>
    public int Cell { get; } = cell;

    /// <summary>1-based line within the cell.</summary>
    public int Line { get; } = line;
}
