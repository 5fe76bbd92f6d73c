using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ActionGen.NotebookOutputs;

/// <summary>
/// Replaces the random GUIDs an output carries (Plotly.NET gives every chart a fresh div id) with GUIDs derived from
/// where the output sits, so the same run writes the same bytes. Idempotent.
/// </summary>
public static partial class DeterministicIds
{
    /// <summary>
    /// <paramref name="text"/> with the k-th distinct GUID (in order of first appearance, with or without dashes)
    /// replaced by a GUID derived from <paramref name="key"/> and k.
    /// </summary>
    /// <param name="text">An output's text, e.g. a chart's HTML.</param>
    /// <param name="key">Where the output sits, e.g. "00-intro.ipynb/cell 7/output 0".</param>
    public static string Replace(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(key);
        var found = new List<Guid>();
        foreach (Match match in GuidPattern().Matches(text))
        {
            var guid = Guid.Parse(match.Value);
            if (!found.Contains(guid)) found.Add(guid);
        }
        for (int k = 0; k < found.Count; k++)
        {
            var replacement = Derive(key, k);
            foreach (string format in new[] { "D", "N" })
            {
                text = text.Replace(found[k].ToString(format), replacement.ToString(format), StringComparison.OrdinalIgnoreCase);
            }
        }
        return text;
    }

    /// <summary>The GUID for the k-th id of the output at <paramref name="key"/>.</summary>
    public static Guid Derive(string key, int k)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}/id {k}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex GuidPattern();
}
