namespace ActionGen.NotebookOutputs;

/// <summary>A code cell whose committed outputs cannot be trusted.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">1-based, among all cells (markdown included), as an editor shows it.</param>
/// <param name="Reason">Why: never run with outputs written back, edited since, or run in quick mode.</param>
public sealed record StaleCell(string Notebook, int CellNumber, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Notebook}, cell {CellNumber}: {Reason}";
}
