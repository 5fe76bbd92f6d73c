using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionGen.Data;

namespace ActionGen.Policies;

/// <summary>What a model file says about the policy inside it.</summary>
/// <param name="Method">The method's short name ("mse", …).</param>
/// <param name="FormatVersion">The file format version.</param>
/// <param name="ObservationNormalizer">Observation statistics.</param>
/// <param name="ActionNormalizer">Action statistics.</param>
/// <param name="Options">The method's options, as JSON.</param>
public sealed record PolicyHeader(string Method, int FormatVersion, MinMaxNormalizer ObservationNormalizer, MinMaxNormalizer ActionNormalizer, JsonObject Options);

/// <summary>
/// The model file: a magic line, a JSON header (method, format version, normaliser statistics, options), then the
/// network's weights in TorchSharp's format. Loading checks method and version before touching the weights.
/// </summary>
public static class PolicyFile
{
    /// <summary>The format this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "ACTIONGEN-POLICY";

    /// <summary>Writes header and weights.</summary>
    public static void Write(string path, PolicyHeader header, TorchSharp.torch.nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(network);
        var json = new JsonObject
        {
            ["method"] = header.Method,
            ["format"] = header.FormatVersion,
            ["observation_min"] = new JsonArray(header.ObservationNormalizer.Min.Select(v => (JsonNode)v).ToArray()),
            ["observation_max"] = new JsonArray(header.ObservationNormalizer.Max.Select(v => (JsonNode)v).ToArray()),
            ["action_min"] = new JsonArray(header.ActionNormalizer.Min.Select(v => (JsonNode)v).ToArray()),
            ["action_max"] = new JsonArray(header.ActionNormalizer.Max.Select(v => (JsonNode)v).ToArray()),
            ["options"] = header.Options.DeepClone(),
        };
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(json.ToJsonString());
        network.save(writer);
    }

    /// <summary>Reads the header and checks it holds a <paramref name="expectedMethod"/> policy of this format.</summary>
    /// <exception cref="InvalidDataException">Not a model file, another method, or another format version: the message names the file and both.</exception>
    public static PolicyHeader ReadHeader(string path, string expectedMethod, out long weightsOffset)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file not found: {path}", path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        JsonObject json;
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException("bad magic");
            json = JsonNode.Parse(reader.ReadString()) as JsonObject ?? throw new InvalidDataException("header is not a JSON object");
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or JsonException or IOException)
        {
            throw new InvalidDataException($"{path} is not an ActionGen model file ({e.Message}).", e);
        }
        string method = (string?)json["method"] ?? "";
        int format = (int?)json["format"] ?? -1;
        if (method != expectedMethod)
            throw new InvalidDataException($"{path} holds a '{method}' policy, expected '{expectedMethod}': load it with that method's Load.");
        if (format != FormatVersion)
            throw new InvalidDataException($"{path} has model format {format}, this library reads format {FormatVersion}.");
        weightsOffset = stream.Position;
        return new PolicyHeader(method, format,
            new MinMaxNormalizer(Numbers(json, "observation_min"), Numbers(json, "observation_max")),
            new MinMaxNormalizer(Numbers(json, "action_min"), Numbers(json, "action_max")),
            json["options"] as JsonObject ?? []);
    }

    /// <summary>Loads the weights that follow the header into <paramref name="network"/>.</summary>
    public static void ReadWeights(string path, long weightsOffset, TorchSharp.torch.nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var stream = File.OpenRead(path);
        stream.Position = weightsOffset;
        using var reader = new BinaryReader(stream);
        network.load(reader);
    }

    private static double[] Numbers(JsonObject json, string key) =>
        (json[key] as JsonArray)?.Select(n => (double)n!).ToArray() ?? throw new InvalidDataException($"model header lacks '{key}'.");
}
