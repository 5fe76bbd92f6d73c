using ActionGen.Data;

// Writes every dataset of data/ from its seeded generator. The same seed gives byte-identical files;
// a test fails when a committed file differs from what this writes.
string root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "ActionGen.slnx")))
{
    root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("Run from inside the ActionGen repository.");
}
foreach (string path in DataFiles.WriteAll(Path.Combine(root, "data")))
{
    Console.WriteLine($"wrote {Path.GetRelativePath(root, path)} ({new FileInfo(path).Length / 1024.0:F0} KiB)");
}
