using ActionGen.Notebooks;

namespace ActionGen.Tests;

public class ToolResolverCacheTests
{
    private const string RestoreMessage = "Run \"dotnet tool restore\" to make the \"dotnet-repl\" command available.";

    private static string Entry(string executable) =>
        $$"""[{"Version":"0.3.259","TargetFramework":"net10.0","RuntimeIdentifier":"any","Name":"dotnet-repl","Runner":"dotnet","PathToExecutable":"{{executable}}"}]""";

    [Fact]
    public void Only_entries_whose_executable_is_gone_are_stale()
    {
        using var home = new TempDirectory();
        string cache = Path.Combine(ToolResolverCache.Folder(home.Path), "1");
        Directory.CreateDirectory(cache);
        string present = home.File("dotnet-repl.dll", "");
        File.WriteAllText(Path.Combine(cache, "dotnet-repl"), Entry("/nonexistent/dotnet-repl.dll"));
        File.WriteAllText(Path.Combine(cache, "other"), Entry(present));
        File.WriteAllText(Path.Combine(cache, "garbage"), "{ not json");

        var stale = ToolResolverCache.StaleEntries(home.Path, "dotnet-repl");

        Assert.Equal([(Path.Combine(cache, "dotnet-repl"), "/nonexistent/dotnet-repl.dll")], stale);
        string message = ToolResolverCache.Explain(RestoreMessage, "dotnet-repl", home.Path)!;
        Assert.Contains($"Delete the stale entry file {Path.Combine(cache, "dotnet-repl")}", message, StringComparison.Ordinal);
        Assert.Contains("restoring does not help", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_failures_are_left_to_the_caller_and_a_clean_cache_still_gets_advice()
    {
        using var home = new TempDirectory();
        Assert.Null(ToolResolverCache.Explain("Unhandled exception. System.Exception: boom", "dotnet-repl", home.Path));
        string advice = ToolResolverCache.Explain(RestoreMessage, "dotnet-repl", home.Path)!;
        Assert.Contains("Run `dotnet tool restore` in the repository", advice, StringComparison.Ordinal);
        Assert.Contains(ToolResolverCache.Folder(home.Path), advice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_home_follows_DOTNET_CLI_HOME_as_the_child_process_sees_it()
    {
        Assert.Equal("/somewhere", ToolResolverCache.CliHome(new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = "/somewhere" }));
        string expected = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } set ? set : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(expected, ToolResolverCache.CliHome(new Dictionary<string, string>()));
    }
}
