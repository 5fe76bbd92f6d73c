using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.Notebooks;

/// <summary>The first error found in an executed notebook.</summary>
/// <param name="CellNumber">The 1-based number of the cell among all cells (markdown included), as an editor shows it.</param>
/// <param name="Error">The error text the kernel reported.</param>
public sealed record CellFailure(int CellNumber, string Error)
{
    /// <inheritdoc />
    public override string ToString() => $"cell {CellNumber}: {Error}";
}

/// <summary>Reads .ipynb files: validation before a run, errors after it.</summary>
public static class NotebookFile
{
    /// <summary>Parses <paramref name="path"/> and checks it is a notebook with a cell list.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or not a notebook; the message names file and position.</exception>
    public static JsonObject Load(string path)
    {
        if (Directory.Exists(path)) throw new FileNotFoundException($"{path} is a folder: expected a notebook file (.ipynb).", path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        if (node is not JsonObject notebook || notebook["cells"] is not JsonArray)
            throw new InvalidDataException($"{path}: not a notebook (expected a JSON object with a \"cells\" array).");
        return notebook;
    }

    /// <summary>The number of code cells.</summary>
    public static int CountCodeCells(JsonObject notebook) =>
        Cells(notebook).Count(c => (string?)c["cell_type"] == "code");

    /// <summary>The first cell whose outputs hold an error, or null when every cell ran clean.</summary>
    public static CellFailure? FirstFailure(JsonObject executed)
    {
        var cells = Cells(executed).ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i]["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.OfType<JsonObject>())
            {
                if ((string?)output["output_type"] != "error") continue;
                string text = (string?)output["evalue"] ?? (string?)output["ename"] ?? "unknown error";
                return new CellFailure(i + 1, FirstLines(text, 6));
            }
        }
        return null;
    }

    private static IEnumerable<JsonObject> Cells(JsonObject notebook) =>
        (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>();

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n');
        return lines.Length <= count ? text.TrimEnd() : string.Join('\n', lines.Take(count)).TrimEnd() + "\n   …";
    }
}
