namespace ActionGen.Notebooks;

/// <summary>How a notebook run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every cell ran without error.</summary>
    Passed,

    /// <summary>A cell raised an error (compile or run time).</summary>
    Failed,

    /// <summary>The file is missing, not JSON, or not a notebook; nothing ran.</summary>
    Invalid,

    /// <summary>The run went past its time limit and was stopped.</summary>
    TimedOut,
}

/// <summary>The outcome of one notebook run.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="CodeCells">How many code cells it has.</param>
/// <param name="ExecutedCopy">Where the executed copy with outputs was written (null when nothing ran).</param>
/// <param name="Failure">The first failing cell, for <see cref="NotebookStatus.Failed"/>.</param>
/// <param name="Problem">What was wrong, for the other non-passing states.</param>
public sealed record NotebookResult(
    string Name, NotebookStatus Status, double Seconds, int CodeCells, string? ExecutedCopy, CellFailure? Failure, string? Problem)
{
    /// <summary>True when the notebook passed.</summary>
    public bool Passed => Status == NotebookStatus.Passed;

    /// <summary>One paragraph naming the notebook, cell and error — what a failing test or CI log shows.</summary>
    public string Describe() => Status switch
    {
        NotebookStatus.Passed => $"{Name}: passed in {Seconds:F1} s",
        NotebookStatus.Failed => $"{Name} failed at {Failure}\nexecuted copy: {ExecutedCopy}",
        _ => $"{Name}: {Status}: {Problem}",
    };
}
