using System.Text.Json.Nodes;

namespace ActionGen.NotebookOutputs;

/// <summary>Finds code cells whose committed outputs are missing or no longer belong to their source.</summary>
public static class OutputFreshness
{
    /// <summary>
    /// Every stale code cell of <paramref name="notebook"/>: one with no stamp (its outputs were never written back by a
    /// run), one whose source no longer matches its stamp's hash (edited since), or one stamped by a quick run when
    /// <paramref name="requiredMode"/> asks for another. A cell that ran and printed nothing is fresh: it carries a
    /// stamp and an empty output list.
    /// </summary>
    public static IReadOnlyList<StaleCell> Check(JsonObject notebook, string name, string requiredMode = SourceStamp.FullMode)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var stale = new List<StaleCell>();
        var cells = IpynbJson.Cells(notebook);
        for (int i = 0; i < cells.Count; i++)
        {
            if (!IpynbJson.IsCode(cells[i])) continue;
            var stamp = SourceStamp.Read(cells[i]);
            if (stamp is null)
                stale.Add(new StaleCell(name, i + 1, "no recorded outputs (the cell carries no source stamp)"));
            else if (stamp.SourceSha256 != SourceStamp.HashOf(cells[i]))
                stale.Add(new StaleCell(name, i + 1, "the source changed after its outputs were recorded"));
            else if (stamp.Mode != requiredMode)
                stale.Add(new StaleCell(name, i + 1, $"outputs come from a {stamp.Mode}-mode run, {requiredMode} mode is required"));
        }
        return stale;
    }
}
