using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ActionGen.NotebookOutputs;

/// <summary>
/// The stamp a code cell carries in its metadata once its outputs are written back: a hash of the source that
/// produced them, and the run mode. An edited cell no longer matches its hash, so stale outputs are detectable.
/// </summary>
public static class SourceStamp
{
    /// <summary>The cell-metadata key of the stamp.</summary>
    public const string MetadataKey = "actiongen_outputs";

    /// <summary>The mode name of a full-budget run.</summary>
    public const string FullMode = "full";

    /// <summary>The mode name of a quick run.</summary>
    public const string QuickMode = "quick";

    /// <summary>SHA-256 (lower-case hex) of a cell's source text, as UTF-8.</summary>
    public static string Hash(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>The hash of <paramref name="cell"/>'s current source.</summary>
    public static string HashOf(JsonObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Hash(IpynbJson.Text(cell["source"]));
    }

    /// <summary>Records in <paramref name="cell"/>'s metadata that its outputs come from its current source, run in <paramref name="mode"/>.</summary>
    public static void Write(JsonObject cell, string mode)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var metadata = cell["metadata"] as JsonObject;
        if (metadata is null)
        {
            metadata = [];
            IpynbJson.SetSorted(cell, "metadata", metadata);
        }
        IpynbJson.SetSorted(metadata, MetadataKey, new JsonObject { ["mode"] = mode, ["source_sha256"] = HashOf(cell) });
    }

    /// <summary>The stamp of <paramref name="cell"/>, or null when it has none (or a malformed one).</summary>
    public static CellStamp? Read(JsonObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell["metadata"]?[MetadataKey] is not JsonObject stamp) return null;
        return (string?)stamp["source_sha256"] is string hash && (string?)stamp["mode"] is string mode ? new CellStamp(hash, mode) : null;
    }

    /// <summary>Removes the stamp from <paramref name="cell"/>; true when there was one.</summary>
    public static bool Remove(JsonObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell["metadata"] is JsonObject metadata && metadata.Remove(MetadataKey);
    }
}
