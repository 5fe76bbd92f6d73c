using ActionGen.Classroom;
using System.Text.Json.Nodes;

namespace ActionGen.Tests;

/// <summary>Student copies of the classroom fixture with chosen solution cells, for grading tests.</summary>
internal static class StudentNotebook
{
    public static readonly string FixtureFolder = RepositoryRoot.Path("tests", "ActionGen.Tests", "Fixtures", "classroom");

    public static readonly string Fixture = Path.Combine(FixtureFolder, "99-fixture.ipynb");

    /// <summary>A correct 99.1 solution cell.</summary>
    public const string RightAdd = "int Add(int a, int b)\n{\n    return a + b;\n}";

    /// <summary>A correct 99.2 solution cell.</summary>
    public const string RightGreet = "string Greet(string name)\n{\n    return $\"hello {name}\";\n}";

    /// <summary>A wrong 99.2 solution cell.</summary>
    public const string WrongGreet = "string Greet(string name)\n{\n    return \"bye\";\n}";

    /// <summary>
    /// Writes the fixture's student version as 99-fixture.ipynb in <paramref name="folder"/>, with the solution cells of the
    /// exercises named in <paramref name="solutions"/> replaced by their source; the others keep the stub.
    /// </summary>
    public static string Write(string folder, params (string Exercise, string Source)[] solutions)
    {
        var student = JsonNode.Parse(StudentVersion.Generate(Fixture))!.AsObject();
        foreach (var cell in NotebookCells.Cells(student))
        {
            var tag = cell["metadata"]?[StudentVersion.MetadataKey];
            if ((string?)tag?["role"] != "solution") continue;
            foreach (var (exercise, source) in solutions)
            {
                if ((string?)tag["exercise"] == exercise) NotebookCells.SetSource(cell, source.Split('\n'));
            }
        }
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "99-fixture.ipynb");
        File.WriteAllText(path, NotebookCells.Serialize(student));
        return path;
    }
}
