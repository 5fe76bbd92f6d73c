using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionGen.Exercises;

/// <summary>
/// How checks report to the grader: one JSON line per event, appended to a results file, each carrying a secret the
/// grader chose for this run. The grader hands over the file and the secret in <see cref="ResultsVariable"/> and
/// <see cref="TokenVariable"/>; this class reads both once and removes them from the process environment, before the
/// graded learner code can run (the grader calls <see cref="Begin"/> in a cell of its own just before the learner's cell).
/// Outside a grading run the variables are absent and nothing is written: learners see only the printed lines.
/// </summary>
/// <remarks>
/// The grader trusts a pass only when it was written here with the run's secret, the exercise's check cells ran without
/// an error, and the run reached <see cref="End"/>; printed lines are never read. Code in the same process could still
/// find the secret (reflection, /proc/self/environ): that is why the grader also restricts what a solution cell may contain.
/// </remarks>
public static class GradingChannel
{
    /// <summary>The environment variable naming the results file.</summary>
    public const string ResultsVariable = "ACTIONGEN_GRADING_RESULTS";

    /// <summary>The environment variable holding the run's secret.</summary>
    public const string TokenVariable = "ACTIONGEN_GRADING_TOKEN";

    private static readonly Lock Gate = new();

    static GradingChannel() => Target = TakeFromEnvironment();

    /// <summary>True in a grading run.</summary>
    public static bool IsGrading => Target is not null;

    /// <summary>Where records go, or null outside grading; set directly only by the library's tests.</summary>
    internal static (string Results, string Token)? Target { get; set; }

    /// <summary>Marks the start of the graded exercise <paramref name="exercise"/>. Called by the grader's own cell; a no-op outside grading.</summary>
    public static void Begin(string exercise) => Record(GradingEvent.Begin, exercise, null);

    /// <summary>Marks that the run got past the exercise's last check cell. Called by the grader's own cell; a no-op outside grading.</summary>
    public static void End(string exercise) => Record(GradingEvent.End, exercise, null);

    /// <summary>Reads the results file and the secret from the environment and removes both variables from it.</summary>
    internal static (string Results, string Token)? TakeFromEnvironment()
    {
        string? results = Environment.GetEnvironmentVariable(ResultsVariable);
        string? token = Environment.GetEnvironmentVariable(TokenVariable);
        Environment.SetEnvironmentVariable(ResultsVariable, null);
        Environment.SetEnvironmentVariable(TokenVariable, null);
        return string.IsNullOrEmpty(results) || string.IsNullOrEmpty(token) ? null : (results, token);
    }

    /// <summary>Appends one record; never throws (a learner's notebook must not break because a grader's file is unwritable).</summary>
    internal static void Record(GradingEvent kind, string check, string? message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(check);
        if (Target is not var (results, token)) return;
        var line = new JsonObject
        {
            ["token"] = token,
            ["event"] = JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()),
            ["check"] = check,
            ["message"] = message,
        };
        lock (Gate)
        {
            try
            {
                File.AppendAllText(results, line.ToJsonString() + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The grader finds no record and says so.
            }
        }
    }
}
