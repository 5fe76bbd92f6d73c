using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.Tests;

/// <summary>Small notebooks written under artifacts/ (inside the repository, so the pinned tools resolve), deleted on dispose.</summary>
internal sealed class NotebookFixture : IDisposable
{
    public string Folder { get; } = RepositoryRoot.Path("artifacts", "test-fixtures", Guid.NewGuid().ToString("N"));

    public NotebookFixture() => Directory.CreateDirectory(Folder);

    /// <summary>Writes a notebook whose cells are given as ("code" | "markdown", source).</summary>
    public string Write(string name, params (string Type, string Source)[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)(c.Type == "code"
                ? new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = c.Source }
                : new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = c.Source })).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
