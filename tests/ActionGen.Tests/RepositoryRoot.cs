using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>The repository the tests run in, found from the test binary's folder.</summary>
internal static class RepositoryRoot
{
    public static RepositoryPaths Paths { get; } = RepositoryPaths.FindFrom(AppContext.BaseDirectory);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Paths.Root, .. parts]);
}
