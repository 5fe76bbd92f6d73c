namespace ActionGen.NotebookOutputs;

/// <summary>What a code cell records about the run that produced its committed outputs.</summary>
/// <param name="SourceSha256">SHA-256 (hex) of the cell's source when it ran.</param>
/// <param name="Mode">"full" or "quick": the training budgets of that run.</param>
public sealed record CellStamp(string SourceSha256, string Mode);
