using System.Text.Json.Nodes;
using ActionGen.Data;

namespace ActionGen.Policies;

/// <summary>What a model file says about the policy inside it.</summary>
/// <param name="Method">The method's short name ("mse", …).</param>
/// <param name="FormatVersion">The file format version.</param>
/// <param name="ObservationNormalizer">Observation statistics.</param>
/// <param name="ActionNormalizer">Action statistics.</param>
/// <param name="Options">The method's options record, as JSON.</param>
public sealed record PolicyHeader(string Method, int FormatVersion, MinMaxNormalizer ObservationNormalizer, MinMaxNormalizer ActionNormalizer, JsonObject Options);
