using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;

namespace ActionGen.Notebooks;

/// <summary>
/// Writes the outputs of an executed copy back into its source notebook: each code cell gets the outputs it produced,
/// its execution count in a clean top-to-bottom run (1, 2, 3, … as Jupyter numbers "Run All"), and a stamp of the
/// source that produced them; code and markdown stay byte-identical, and the source's own metadata is kept (the
/// kernel's rewritten metadata and per-cell timings stay in the executed copy).
/// </summary>
public static class OutputWriteBack
{
    /// <summary>Copies outputs from <paramref name="executedPath"/> into <paramref name="sourcePath"/>; returns the number of code cells written.</summary>
    /// <param name="sourcePath">The source notebook, rewritten in place.</param>
    /// <param name="executedPath">Its executed (and post-processed) copy.</param>
    /// <param name="mode"><see cref="SourceStamp.FullMode"/> or <see cref="SourceStamp.QuickMode"/>.</param>
    /// <exception cref="InvalidDataException">The executed copy does not match the source cell for cell (the source changed during the run).</exception>
    public static int Write(string sourcePath, string executedPath, string mode)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        string name = Path.GetFileName(sourcePath);
        var source = IpynbJson.Load(sourcePath);
        var executed = IpynbJson.Load(executedPath);
        var sourceCells = IpynbJson.Cells(source);
        var executedCells = IpynbJson.Cells(executed);
        if (sourceCells.Count != executedCells.Count)
            throw new InvalidDataException($"{name}: the executed copy has {executedCells.Count} cells, the source {sourceCells.Count}; was the notebook edited during the run? Run it again.");

        int written = 0;
        for (int i = 0; i < sourceCells.Count; i++)
        {
            if (!IpynbJson.IsCode(sourceCells[i])) continue;
            if (IpynbJson.Text(sourceCells[i]["source"]) != IpynbJson.Text(executedCells[i]["source"]))
                throw new InvalidDataException($"{name}, cell {i + 1}: the source differs from the cell that ran; was the notebook edited during the run? Run it again.");
            var outputs = executedCells[i]["outputs"] as JsonArray ?? [];
            sourceCells[i]["outputs"] = outputs.DeepClone();
            written++;
            IpynbJson.SetSorted(sourceCells[i], "execution_count", written);
            SourceStamp.Write(sourceCells[i], mode);
        }
        File.WriteAllText(sourcePath, IpynbJson.Serialize(source));
        return written;
    }
}
