using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ActionGen.Classroom;

/// <summary>Reading and writing cells of .ipynb notebooks the way the kit needs them.</summary>
public static partial class NotebookCells
{
    /// <summary>The lines of a cell's source (a string or an array of strings in .ipynb).</summary>
    public static List<string> SourceLines(JsonObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string text = cell["source"] switch
        {
            JsonArray parts => string.Concat(parts.Select(p => (string?)p)),
            JsonValue value => (string?)value ?? "",
            _ => "",
        };
        return [.. text.Split('\n')];
    }

    /// <summary>Sets a cell's source as an array of lines, each but the last ending in '\n' (Jupyter's own layout).</summary>
    public static void SetSource(JsonObject cell, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(lines);
        cell["source"] = new JsonArray(lines.Select((l, i) => (JsonNode)(i < lines.Count - 1 ? l + "\n" : l)).ToArray());
    }

    /// <summary>The cells of a notebook.</summary>
    public static List<JsonObject> Cells(JsonObject notebook) => (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    /// <summary>The exercise id a markdown cell announces ("### Exercise 02.1 — …"), or null.</summary>
    public static string? AnnouncedExercise(JsonObject cell)
    {
        if ((string?)cell["cell_type"] != "markdown") return null;
        var match = ExerciseHeading().Match(string.Join('\n', SourceLines(cell)));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Serialises a notebook deterministically: one-space indentation, '\n' line ends, a final newline.</summary>
    public static string Serialize(JsonObject notebook)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        return notebook.ToJsonString(options) + "\n";
    }

    [GeneratedRegex(@"^#+\s*Exercise\s+(\d+\.\d+)", RegexOptions.Multiline)]
    private static partial Regex ExerciseHeading();
}
