using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.Notebooks;

/// <summary>
/// The .NET SDK's per-user record of where each restored local tool lives (<c>~/.dotnet/toolResolverCache</c>, under
/// <c>DOTNET_CLI_HOME</c> when that is set). An entry that points into a package folder that no longer exists — left by a
/// run with a private <c>NUGET_PACKAGES</c> in a clone that was then deleted — makes <c>dotnet tool run</c> ask for
/// <c>dotnet tool restore</c> in every checkout, and a restore does not repair it: it sees the version as restored.
/// </summary>
public static class ToolResolverCache
{
    /// <summary>What <c>dotnet tool run</c> prints when it finds no usable entry for a tool.</summary>
    public const string RestoreRequest = "dotnet tool restore";

    /// <summary>The CLI home a child process with these environment overrides uses: DOTNET_CLI_HOME, else the user's home.</summary>
    public static string CliHome(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        string? home = overrides.TryGetValue("DOTNET_CLI_HOME", out string? set) ? set : Environment.GetEnvironmentVariable("DOTNET_CLI_HOME");
        return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
    }

    /// <summary>The cache folder of a CLI home.</summary>
    public static string Folder(string cliHome) => Path.Combine(cliHome, ".dotnet", "toolResolverCache");

    /// <summary>Entry files that name <paramref name="command"/> and point at an executable that no longer exists.</summary>
    public static IReadOnlyList<(string EntryFile, string MissingExecutable)> StaleEntries(string cliHome, string command)
    {
        string folder = Folder(cliHome);
        if (!Directory.Exists(folder)) return [];
        var stale = new List<(string, string)>();
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            JsonArray? entries;
            try
            {
                entries = JsonNode.Parse(File.ReadAllText(file)) as JsonArray;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                continue; // not ours to judge: the SDK reads its own format
            }
            foreach (var entry in (entries ?? []).OfType<JsonObject>())
            {
                if ((string?)entry["Name"] != command || (string?)entry["PathToExecutable"] is not string executable) continue;
                if (!File.Exists(executable)) stale.Add((file, executable));
            }
        }
        return stale;
    }

    /// <summary>
    /// When <paramref name="toolOutput"/> is the SDK asking for a restore of <paramref name="command"/>, says what is wrong
    /// and what to do (naming each stale entry file); otherwise null.
    /// </summary>
    public static string? Explain(string toolOutput, string command, string cliHome)
    {
        ArgumentNullException.ThrowIfNull(toolOutput);
        if (!toolOutput.Contains(RestoreRequest, StringComparison.Ordinal)) return null;
        var stale = StaleEntries(cliHome, command);
        if (stale.Count == 0)
            return $"`dotnet tool run {command}` asks for `{RestoreRequest}`. Run `{RestoreRequest}` in the repository; if the message " +
                   $"stays, delete the file for {command} in {Folder(cliHome)} (the SDK's per-user tool cache) and run again.";
        return $"`dotnet tool run {command}` asks for `{RestoreRequest}`, but restoring does not help: the SDK's per-user tool cache points " +
               $"{command} at a package folder that no longer exists ({string.Join(", ", stale.Select(s => s.MissingExecutable).Distinct())}), " +
               "typically left by a CI run with a private NUGET_PACKAGES in a clone that was deleted. " +
               $"Delete the stale entry file {string.Join(" and ", stale.Select(s => s.EntryFile).Distinct())} and run again.";
    }
}
