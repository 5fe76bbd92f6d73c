using ActionGen.Classroom;
using ActionGen.Notebooks;

// The instructor kit: student versions of the notebooks, grading, and reading a grade. See ClassroomCommand.Usage.
//   dotnet run --project tools/ActionGen.Classroom -- generate [source.ipynb ...] [--out exercises]
//   dotnet run --project tools/ActionGen.Classroom -- grade <student.ipynb | folder> [--source DIR] [--exercise NN.M] [--report-dir DIR] [--timeout-minutes N] [--keep-work]
//   dotnet run --project tools/ActionGen.Classroom -- check <report.json> <NN.M>
return ClassroomCommand.Run(args, RepositoryPaths.FindFrom(Directory.GetCurrentDirectory()), Console.Out, Console.Error);
