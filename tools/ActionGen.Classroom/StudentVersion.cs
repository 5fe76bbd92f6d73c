using System.Text.Json.Nodes;
using ActionGen.NotebookOutputs;
using ActionGen.Notebooks;

namespace ActionGen.Classroom;

/// <summary>
/// Turns a source notebook into its student version: each solution region becomes a stub that compiles and throws
/// <see cref="NotImplementedException"/> naming the exercise; hidden checks are removed; outputs, execution counts and
/// output stamps are cleared (so refreshing the committed outputs never changes a student version); prose, setup and
/// visible checks stay. Solution cells are tagged with their exercise id in the metadata, so grading can find them
/// again. Same input, byte-identical output.
/// </summary>
public static class StudentVersion
{
    /// <summary>The metadata key under which the kit tags cells.</summary>
    public const string MetadataKey = "actiongen";

    /// <summary>The student version of <paramref name="sourcePath"/> as .ipynb text.</summary>
    /// <exception cref="MarkerException">A malformed marker, named by notebook, cell and line.</exception>
    public static string Generate(string sourcePath)
    {
        string name = Path.GetFileName(sourcePath);
        var notebook = NotebookFile.Load(sourcePath);
        string? exercise = null;
        var cells = NotebookCells.Cells(notebook);
        for (int c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            exercise = NotebookCells.AnnouncedExercise(cell) ?? exercise;
            var lines = NotebookCells.SourceLines(cell);
            if ((string?)cell["cell_type"] != "code")
            {
                int markerLine = lines.FindIndex(l => Markers.All.Contains(l.Trim()));
                if (markerLine >= 0) throw new MarkerException(name, c + 1, markerLine + 1, $"'{lines[markerLine].Trim()}' in a markdown cell: markers belong in code cells.");
                continue;
            }
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
            SourceStamp.Remove(cell); // the stamp belongs to the committed outputs, which students do not get
            var solutions = Markers.Find(lines, Markers.BeginSolution, Markers.EndSolution, name, c + 1);
            var hidden = Markers.Find(lines, Markers.BeginHiddenTests, Markers.EndHiddenTests, name, c + 1);
            if (solutions.Count == 0 && hidden.Count == 0) continue;
            if (solutions.Count > 0 && exercise is null)
                throw new MarkerException(name, c + 1, solutions[0].Begin + 1, "a solution region before any '### Exercise NN.M' heading: the stub needs an exercise id.");

            NotebookCells.SetSource(cell, StudentLines(lines, solutions, hidden, exercise));
            var metadata = cell["metadata"] as JsonObject ?? [];
            metadata[MetadataKey] = new JsonObject { ["role"] = solutions.Count > 0 ? "solution" : "check", ["exercise"] = exercise };
            cell["metadata"] = metadata;
        }
        return NotebookCells.Serialize(notebook);
    }

    /// <summary>A cell's lines as the student sees them: each solution region a stub naming <paramref name="exercise"/>, hidden checks gone.</summary>
    internal static List<string> StudentLines(
        IReadOnlyList<string> lines, IReadOnlyList<Markers.Region> solutions, IReadOnlyList<Markers.Region> hidden, string? exercise)
    {
        var result = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            var solution = solutions.FirstOrDefault(r => r.Begin == i);
            if (solutions.Contains(solution) && solution.Begin == i)
            {
                string indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
                result.Add($"{indent}// Exercise {exercise}: replace this line with your solution.");
                result.Add($"{indent}throw new NotImplementedException(\"Exercise {exercise} is not attempted yet.\");");
                i = solution.End;
                continue;
            }
            var hiddenRegion = hidden.FirstOrDefault(r => r.Begin == i);
            if (hidden.Contains(hiddenRegion) && hiddenRegion.Begin == i)
            {
                i = hiddenRegion.End;
                continue;
            }
            result.Add(lines[i]);
        }
        return result;
    }

    /// <summary>Writes the student version of every series notebook into <paramref name="outputFolder"/>; returns the paths.</summary>
    public static IReadOnlyList<string> GenerateAll(RepositoryPaths paths, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        foreach (string source in paths.SeriesNotebooks())
        {
            string target = Path.Combine(outputFolder, Path.GetFileName(source));
            File.WriteAllText(target, Generate(source));
            written.Add(target);
        }
        return written;
    }
}
