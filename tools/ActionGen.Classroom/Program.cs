using ActionGen.Classroom;
using ActionGen.Notebooks;

// The instructor kit.
//   dotnet run --project tools/ActionGen.Classroom -- generate [source.ipynb ...] [--out exercises]
//   dotnet run --project tools/ActionGen.Classroom -- grade <student.ipynb | folder> [--source DIR] [--exercise NN.M] [--report-dir DIR]
//   dotnet run --project tools/ActionGen.Classroom -- check <report.json> <NN.M>
// grade exits 0 when every graded exercise (or the one named) passed; check exits 0 when that exercise passed in a
// report; both exit 1 otherwise and 2 for bad arguments.
const string Usage = "usage: generate [source.ipynb ...] [--out DIR] | grade <student.ipynb|folder> [--source DIR] [--exercise NN.M] [--report-dir DIR] | check <report.json> <NN.M>";
var paths = RepositoryPaths.FindFrom(Directory.GetCurrentDirectory());
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

switch (args.FirstOrDefault())
{
    case "generate":
    {
        string output = Path.GetFullPath(Option("--out") ?? Path.Combine(paths.Root, "exercises"));
        var named = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        try
        {
            var written = named.Count == 0 ? StudentVersion.GenerateAll(paths, output) : named.Select(source =>
            {
                Directory.CreateDirectory(output);
                string target = Path.Combine(output, Path.GetFileName(source));
                File.WriteAllText(target, StudentVersion.Generate(Path.GetFullPath(source)));
                return target;
            }).ToList();
            foreach (string path in written) Console.WriteLine($"wrote {Path.GetRelativePath(paths.Root, path)}");
            return 0;
        }
        catch (MarkerException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
    case "grade" when args.Length >= 2:
    {
        string target = Path.GetFullPath(args[1]);
        var students = Directory.Exists(target)
            ? Directory.GetFiles(target, "*.ipynb").Where(p => RepositoryPaths.IsSeriesName(Path.GetFileName(p))).Order(StringComparer.Ordinal).ToList()
            : [target];
        string reportDir = Path.GetFullPath(Option("--report-dir") ?? Path.Combine(paths.Root, "artifacts", "grades"));
        string? only = Option("--exercise");
        Directory.CreateDirectory(reportDir);
        var grader = new Grader(paths, new NotebookRunOptions(Quick: true, Timeout: TimeSpan.FromMinutes(20), Threads: 1));
        bool allPassed = true;
        foreach (string student in students)
        {
            GradingReport report;
            try
            {
                report = grader.Grade(student, Option("--source") is string source ? Path.GetFullPath(source) : null);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or MarkerException)
            {
                Console.Error.WriteLine($"{Path.GetFileName(student)}: cannot grade: {e.Message}");
                allPassed = false;
                continue;
            }
            string stem = Path.GetFileNameWithoutExtension(student);
            File.WriteAllText(Path.Combine(reportDir, stem + ".json"), Grader.ToJson(report));
            File.WriteAllText(Path.Combine(reportDir, stem + ".md"), report.ToMarkdown());
            Console.Write(report.ToMarkdown());
            var graded = only is null ? report.Exercises : report.Exercises.Where(e => e.Exercise == only).ToList();
            if (only is not null && graded.Count == 0) { Console.Error.WriteLine($"{report.Notebook} has no exercise {only}."); allPassed = false; }
            allPassed &= graded.All(e => e.Status == ExerciseStatus.Passed);
        }
        return allPassed ? 0 : 1;
    }
    case "check" when args.Length >= 3:
    {
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(args[1]));
        var exercise = report?["exercises"]?.AsArray().FirstOrDefault(e => (string?)e?["exercise"] == args[2]);
        if (exercise is null)
        {
            Console.Error.WriteLine($"{args[1]} has no exercise {args[2]}.");
            return 1;
        }
        Console.WriteLine($"{args[2]}: {(string?)exercise["status"]} — {(string?)exercise["message"]}");
        return (string?)exercise["status"] == nameof(ExerciseStatus.Passed) ? 0 : 1;
    }
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
