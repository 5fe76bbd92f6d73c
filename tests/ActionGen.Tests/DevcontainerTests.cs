using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.Tests;

/// <summary>Both devcontainer files parse (JSON with comments) and everything they reference exists.</summary>
public class DevcontainerTests
{
    public static TheoryData<string> Files() => new() { ".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json" };

    private static JsonObject Parse(string relativePath)
    {
        string path = RepositoryRoot.Path(relativePath.Split('/'));
        Assert.True(File.Exists(path), $"{relativePath} is missing");
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        return Assert.IsType<JsonObject>(JsonNode.Parse(File.ReadAllText(path), documentOptions: options));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_and_names_a_dotnet_10_image_and_the_notebook_extensions(string file)
    {
        var config = Parse(file);
        string image = (string?)config["image"] ?? "";
        Assert.Contains("dotnet:10.0", image, StringComparison.Ordinal);
        var extensions = config["customizations"]?["vscode"]?["extensions"]?.AsArray().Select(e => (string?)e).ToList() ?? [];
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_its_commands_reference_exists(string file)
    {
        var config = Parse(file);
        var commands = new[] { "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand" }
            .Select(key => config[key]).Where(node => node is not null).Select(node => node!.ToJsonString().Trim('"')).ToList();
        Assert.NotEmpty(commands);
        var referenced = commands.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(token => token.Contains('/', StringComparison.Ordinal) || token.EndsWith(".sh", StringComparison.Ordinal) || token.EndsWith(".slnx", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(referenced);
        foreach (string token in referenced)
            Assert.True(File.Exists(RepositoryRoot.Path(token.Split('/'))) || Directory.Exists(RepositoryRoot.Path(token.Split('/'))), $"{file} references {token}, which does not exist");

        // The script's own references: the solution it builds.
        string script = File.ReadAllText(RepositoryRoot.Path(".devcontainer", "post-create.sh"));
        Assert.Contains("dotnet tool restore", script, StringComparison.Ordinal);
        Assert.Contains("ActionGen.slnx", script, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.Path("ActionGen.slnx")));
    }

    [Fact]
    public void The_gpu_variant_requires_a_gpu_passes_it_through_and_selects_the_cuda_backend()
    {
        var config = Parse(".devcontainer/gpu/devcontainer.json");
        Assert.True((bool?)config["hostRequirements"]?["gpu"]);
        Assert.Contains("--gpus", config["runArgs"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("cuda", (string?)config["containerEnv"]?["ACTIONGEN_TORCH_BACKEND"]);
        Assert.Equal("cpu", (string?)Parse(".devcontainer/devcontainer.json")["containerEnv"]?["ACTIONGEN_TORCH_BACKEND"]);
    }

    [Fact]
    public void The_backend_switch_the_devcontainers_set_is_the_one_the_build_reads()
    {
        string props = File.ReadAllText(RepositoryRoot.Path("build", "TorchBackend.props"));
        Assert.Contains("$(ACTIONGEN_TORCH_BACKEND)", props, StringComparison.Ordinal);
        Assert.Contains("libtorch-cuda-12.8-linux-x64", props, StringComparison.Ordinal);
    }
}
