using System.Diagnostics;

namespace ActionGen.Tests;

/// <summary>.ci/run in CI mode keeps its tool state to itself: deleting the clone must not break other checkouts.</summary>
[Collection(TestSchedule.BrowserAndRunner)]
public class CiRunTests
{
    [Fact]
    public async Task A_ci_mode_tool_restore_leaves_the_users_tool_cache_alone()
    {
        // A copy of what .ci/run needs for its tool step, so the test never deletes this clone's own CI folders.
        using var temp = new TempDirectory();
        string clone = Path.Combine(temp.Path, "clone");
        Directory.CreateDirectory(Path.Combine(clone, ".ci"));
        Directory.CreateDirectory(Path.Combine(clone, ".config"));
        File.Copy(RepositoryRoot.Path(".ci", "run"), Path.Combine(clone, ".ci", "run"));
        File.Copy(RepositoryRoot.Path(".config", "dotnet-tools.json"), Path.Combine(clone, ".config", "dotnet-tools.json"));
        File.Copy(RepositoryRoot.Path("global.json"), Path.Combine(clone, "global.json"));
        string userHome = Path.Combine(temp.Path, "user"); // stands in for the developer's own ~ (the SDK's CLI home)
        Directory.CreateDirectory(userHome);

        var start = new ProcessStartInfo("bash") { WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(clone, ".ci", "run"));
        start.ArgumentList.Add("--tools-only");
        start.Environment["CI"] = "true";
        start.Environment["DOTNET_CLI_HOME"] = userHome;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        string log = await output + await error;

        Assert.True(process.ExitCode == 0, log);
        Assert.False(Directory.Exists(Path.Combine(userHome, ".dotnet", "toolResolverCache")),
            $"the CI run wrote the user's tool cache:\n{string.Join('\n', Directory.GetFiles(userHome, "*", SearchOption.AllDirectories))}");
        string privateEntry = Path.Combine(clone, "artifacts", "ci-home", ".dotnet", "toolResolverCache", "1", "dotnet-repl");
        Assert.True(File.Exists(privateEntry), log);
        Assert.Contains(Path.Combine(clone, "artifacts", "ci-packages"), File.ReadAllText(privateEntry), StringComparison.Ordinal);
    }
}
