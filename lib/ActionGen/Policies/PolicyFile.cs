using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ActionGen.Data;

namespace ActionGen.Policies;

/// <summary>
/// The model file: a magic line, a JSON header (method, format version, normaliser statistics, the options record),
/// then the network's weights in TorchSharp's format. Writing goes to a temporary file beside the target that replaces
/// it only when complete; reading checks method and version before touching the weights, and every failure names the
/// file, what was expected and what was found.
/// </summary>
public static class PolicyFile
{
    /// <summary>The format this library writes and reads (2: options saved as the options record's JSON).</summary>
    public const int FormatVersion = 2;

    private const string Magic = "ACTIONGEN-POLICY";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>An options record as the JSON object a header stores.</summary>
    public static JsonObject OptionsToJson(IPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.SerializeToNode(options, options.GetType(), Json) as JsonObject
            ?? throw new InvalidOperationException($"{options.GetType().Name} did not serialise to a JSON object.");
    }

    /// <summary>The options record stored in a header, validated.</summary>
    /// <exception cref="InvalidDataException">Missing, malformed or out-of-range options; the message names <paramref name="path"/>.</exception>
    public static TOptions OptionsFromJson<TOptions>(JsonObject json, string path) where TOptions : IPolicyOptions
    {
        ArgumentNullException.ThrowIfNull(json);
        TOptions options;
        try
        {
            options = json.Deserialize<TOptions>(Json) ?? throw new InvalidDataException("the options are null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: the header's options are not a valid {typeof(TOptions).Name}: {e.Message}", e);
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{path}: the header's options are out of range: {e.Message}", e);
        }
        return options;
    }

    /// <summary>Writes header and weights to <paramref name="path"/>, replacing it only once the new file is complete.</summary>
    public static void Write(string path, PolicyHeader header, TorchSharp.torch.nn.Module network)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(network);
        if (Directory.Exists(path)) throw new IOException($"Cannot save a model to {path}: it is a directory.");
        string headerText = HeaderJson(header).ToJsonString();  // everything that can fail on the header fails here, before any file is touched
        string fullPath = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(headerText);
                network.save(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Reads the header and checks it holds a <paramref name="expectedMethod"/> policy of this format.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a model file, another method, another format version, or a malformed header: the message names the file, what was expected and what was found.</exception>
    public static PolicyHeader ReadHeader(string path, string expectedMethod, out long weightsOffset)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path} is a directory, expected a model file.");
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file not found: {path}", path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        JsonObject json;
        try
        {
            string magic = reader.ReadString();
            if (magic != Magic) throw new InvalidDataException($"it starts with '{Truncate(magic)}', expected '{Magic}'");
            json = JsonNode.Parse(reader.ReadString()) as JsonObject ?? throw new InvalidDataException("the header is not a JSON object");
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or JsonException or IOException or FormatException)
        {
            throw new InvalidDataException($"{path} is not an ActionGen model file ({e.Message}).", e);
        }
        string method = Text(json, "method", path);
        int format = json["format"] is JsonValue v && v.TryGetValue(out int f) ? f : throw Missing(path, "format", "a whole number");
        if (method != expectedMethod)
            throw new InvalidDataException($"{path} holds a '{method}' policy, expected '{expectedMethod}': load it with that method's Load.");
        if (format != FormatVersion)
            throw new InvalidDataException($"{path} has model format {format}, this library reads format {FormatVersion}: save the model again with this version.");
        weightsOffset = stream.Position;
        return new PolicyHeader(method, format,
            Normalizer(json, "observation", path), Normalizer(json, "action", path),
            json["options"] as JsonObject ?? throw Missing(path, "options", "a JSON object"));
    }

    /// <summary>Loads the weights that follow the header into <paramref name="network"/>.</summary>
    /// <exception cref="InvalidDataException">Truncated weights, weights of another network, or bytes after them: the message names the file and the tensors expected.</exception>
    public static void ReadWeights(string path, long weightsOffset, TorchSharp.torch.nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var stream = File.OpenRead(path);
        stream.Position = weightsOffset;
        using var reader = new BinaryReader(stream);
        try
        {
            network.load(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidOperationException or IOException or FormatException or NotSupportedException)
        {
            string what = e is EndOfStreamException ? "the weights section ends early (the file is truncated)" : $"the weights do not fit this network ({e.Message})";
            throw new InvalidDataException($"{path}: {what}. Expected {Describe(network)}.", e);
        }
        if (stream.Position != stream.Length)
            throw new InvalidDataException($"{path}: {stream.Length - stream.Position} unexpected byte(s) after the weights. Expected {Describe(network)}.");
    }

    private static JsonObject HeaderJson(PolicyHeader header)
    {
        foreach (var (name, normalizer) in new[] { ("observation", header.ObservationNormalizer), ("action", header.ActionNormalizer) })
            MinMaxNormalizer.Validate(normalizer.Min, normalizer.Max, $"{name} normaliser");
        return new JsonObject
        {
            ["method"] = header.Method,
            ["format"] = header.FormatVersion,
            ["observation_min"] = Numbers(header.ObservationNormalizer.Min),
            ["observation_max"] = Numbers(header.ObservationNormalizer.Max),
            ["action_min"] = Numbers(header.ActionNormalizer.Min),
            ["action_max"] = Numbers(header.ActionNormalizer.Max),
            ["options"] = header.Options.DeepClone(),
        };
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static MinMaxNormalizer Normalizer(JsonObject json, string name, string path)
    {
        double[] min = Numbers(json, $"{name}_min", path), max = Numbers(json, $"{name}_max", path);
        try
        {
            return new MinMaxNormalizer(min, max);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: the header's {name} statistics are invalid: {e.Message}", e);
        }
    }

    private static double[] Numbers(JsonObject json, string key, string path)
    {
        if (json[key] is not JsonArray array) throw Missing(path, key, "an array of numbers");
        return array.Select((n, i) => n is JsonValue value && value.TryGetValue(out double d)
            ? d
            : throw new InvalidDataException($"{path}: header key '{key}'[{i}] is {n?.ToJsonString() ?? "null"}, expected a number.")).ToArray();
    }

    private static string Text(JsonObject json, string key, string path) =>
        json[key] is JsonValue value && value.TryGetValue(out string? text) ? text : throw Missing(path, key, "a string");

    private static InvalidDataException Missing(string path, string key, string expected) =>
        new($"{path}: the header lacks '{key}' ({expected}); the file was not written by this library or is damaged.");

    private static string Describe(TorchSharp.torch.nn.Module network)
    {
        var tensors = network.state_dict().Select(p => $"{p.Key} [{string.Join(", ", p.Value.shape)}]").ToList();
        return $"{tensors.Count} tensors: {string.Join(", ", tensors.Take(6))}{(tensors.Count > 6 ? ", …" : "")}";
    }

    private static string Truncate(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
