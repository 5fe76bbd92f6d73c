using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.NotebookOutputs;

/// <summary>
/// Reads and writes .ipynb text the way Jupyter lays it out (one-space indent, '\n' line ends, a final newline,
/// non-ASCII text unescaped), so that a notebook parsed and written again is byte-identical.
/// </summary>
public static class IpynbJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = MinimalJsonEncoder.Instance,
    };

    /// <summary>Parses notebook text.</summary>
    /// <param name="text">The .ipynb contents.</param>
    /// <param name="name">The file name, for error messages.</param>
    /// <exception cref="InvalidDataException">Not JSON, or not a notebook with a cell list.</exception>
    public static JsonObject Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (node is not JsonObject notebook || notebook["cells"] is not JsonArray)
            throw new InvalidDataException($"{name}: not a notebook (expected a JSON object with a \"cells\" array).");
        return notebook;
    }

    /// <summary>Reads and parses the notebook at <paramref name="path"/>.</summary>
    public static JsonObject Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>The notebook as .ipynb text in Jupyter's layout.</summary>
    public static string Serialize(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>The cells of a notebook.</summary>
    public static IReadOnlyList<JsonObject> Cells(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    /// <summary>True for a code cell.</summary>
    public static bool IsCode(JsonObject cell) => (string?)cell?["cell_type"] == "code";

    /// <summary>A multi-line field (a string, or Jupyter's list of lines) as one string.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray parts => string.Concat(parts.Select(p => (string?)p)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    /// <summary>A string as Jupyter's list of lines, each but the last ending in '\n'.</summary>
    public static JsonArray Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..stop]);
            start = stop;
        }
        return lines;
    }

    /// <summary>Sets <paramref name="key"/> in <paramref name="target"/>, keeping keys in the sorted order Jupyter writes.</summary>
    public static void SetSorted(JsonObject target, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.ContainsKey(key))
        {
            target[key] = value;
            return;
        }
        int index = 0;
        foreach (var pair in target)
        {
            if (string.CompareOrdinal(pair.Key, key) > 0) break;
            index++;
        }
        target.Insert(index, key, value);
    }
}
