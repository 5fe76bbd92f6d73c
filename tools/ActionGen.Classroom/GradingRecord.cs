using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ActionGen.Classroom;

/// <summary>
/// One line the library's <c>ActionGen.Exercises.GradingChannel</c> wrote during a grading run.
/// </summary>
/// <param name="Event">begin, started, passed, failed, not-attempted, errored or end.</param>
/// <param name="Check">The check's id ("02.2 (far target)"), or the exercise id for begin and end.</param>
/// <param name="Message">The check's message, for passed, failed, not-attempted and errored.</param>
public sealed partial record GradingRecord(string Event, string Check, string? Message)
{
    /// <summary>The grader's cell before the learner's solution ran.</summary>
    public const string Begin = "begin";

    /// <summary>A check started.</summary>
    public const string Started = "started";

    /// <summary>A check passed.</summary>
    public const string Passed = "passed";

    /// <summary>A check failed.</summary>
    public const string Failed = "failed";

    /// <summary>The learner's code still throws NotImplementedException.</summary>
    public const string NotAttempted = "not-attempted";

    /// <summary>The learner's code threw something else inside a check.</summary>
    public const string Errored = "errored";

    /// <summary>The grader's cell after the exercise's last check cell.</summary>
    public const string End = "end";

    /// <summary>The exercise a check belongs to: "02.2 (far target)" belongs to "02.2".</summary>
    public string Exercise => ExerciseId().Match(Check) is { Success: true } m ? m.Value : Check;

    /// <summary>
    /// The records in <paramref name="path"/> that carry <paramref name="token"/>; lines without it, or not JSON, are
    /// ignored (they were not written by the library for this run). A missing file reads as no records.
    /// </summary>
    public static IReadOnlyList<GradingRecord> Read(string path, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (!File.Exists(path)) return [];
        var records = new List<GradingRecord>();
        foreach (string line in File.ReadLines(path))
        {
            JsonObject? json;
            try
            {
                json = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
                continue;
            }
            if (json is null || !TryString(json, "token", out string? lineToken) || lineToken != token) continue;
            if (!TryString(json, "event", out string? kind) || !TryString(json, "check", out string? check)) continue;
            TryString(json, "message", out string? message);
            records.Add(new GradingRecord(kind!, check!, message));
        }
        return records;
    }

    private static bool TryString(JsonObject json, string key, out string? value)
    {
        value = json[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        return value is not null;
    }

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex ExerciseId();
}
