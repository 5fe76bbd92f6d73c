using ActionGen.Exercises;
using TorchSharp;

namespace ActionGen.Tests;

public class CheckTests
{
    public CheckTests() => Check.Output = TextWriter.Null;

    [Fact]
    public void A_close_answer_passes_with_a_friendly_line()
    {
        var writer = new StringWriter();
        Check.Output = writer;
        var result = Check.Close("1.1", () => 0.30001, 0.3, 1e-3, "hint");
        Assert.True(result.Passed);
        Assert.StartsWith("✔ Exercise 1.1 passed", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_answer_throws_with_expected_actual_and_hint()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.Close("1.2", () => 0.5, 0.3, 1e-3, "use the mean"));
        Assert.False(error.Result.Passed);
        Assert.Contains("expected 0.3", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 0.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: use the mean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_answer_is_named_as_non_finite()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.Close("1.3", () => double.NaN, 0.3, 1, "h"));
        Assert.Contains("non-finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stub_is_reported_as_not_attempted()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.Close("1.4", () => throw new NotImplementedException(), 0.3, 1, "h"));
        Assert.Contains("not attempted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_checks_report_a_shape_mismatch_before_values()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.Close("1.5", () => torch.zeros(3, 2), torch.zeros(2, 3), 1e-6, "h"));
        Assert.Contains("shape [2, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("got shape [3, 2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_checks_report_the_largest_difference()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.Close("1.6", () => torch.tensor(new[] { 1.0, 2.5 }), torch.tensor(new[] { 1.0, 2.0 }), 1e-3, "h"));
        Assert.Contains("largest difference 0.5", error.Message, StringComparison.Ordinal);
        Assert.True(Check.Close("1.6", () => torch.tensor(new[] { 1.0, 2.0 }), torch.tensor(new[] { 1.0, 2.0 }), 1e-9, "h").Passed);
    }

    [Fact]
    public void Condition_checks_carry_their_own_description()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => Check.That("1.7", () => (false, "3 modes", "1 mode"), "h"));
        Assert.Contains("expected 3 modes, got 1 mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_grading_run_each_outcome_is_recorded_with_the_runs_secret_after_the_check_ran()
    {
        using var temp = new TempDirectory();
        string results = Path.Combine(temp.Path, "results.jsonl");
        GradingChannel.Target = (results, "secret-1");
        try
        {
            GradingChannel.Begin("1.8");
            Check.Close("1.8", () => 1.0, 1.0, 0, "h");
            Assert.Throws<ExerciseFailedException>(() => Check.Close("1.8 (wrong)", () => 2.0, 1.0, 0, "h"));
            Assert.Throws<ExerciseFailedException>(() => Check.Close("1.8 (stub)", () => throw new NotImplementedException(), 1.0, 0, "h"));
            Assert.Throws<InvalidOperationException>(() => Check.That("1.8 (throws)", () => throw new InvalidOperationException("boom"), "h"));
            GradingChannel.End("1.8");
        }
        finally
        {
            GradingChannel.Target = null;
        }

        var records = File.ReadAllLines(results).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.All(records, r => Assert.Equal("secret-1", (string?)r["token"]));
        Assert.Equal(
            ["begin 1.8", "started 1.8", "passed 1.8", "started 1.8 (wrong)", "failed 1.8 (wrong)", "started 1.8 (stub)", "not-attempted 1.8 (stub)",
             "started 1.8 (throws)", "errored 1.8 (throws)", "end 1.8"],
            records.Select(r => $"{(string?)r["event"]} {(string?)r["check"]}"));
        Assert.StartsWith("✘ Exercise 1.8 (wrong): expected 1", (string?)records[4]["message"], StringComparison.Ordinal);
        Assert.Equal("InvalidOperationException: boom", (string?)records[8]["message"]);
    }

    [Fact]
    public void Outside_grading_nothing_is_recorded_and_the_grading_variables_are_taken_out_of_the_environment()
    {
        Assert.False(GradingChannel.IsGrading);
        Environment.SetEnvironmentVariable(GradingChannel.ResultsVariable, "/tmp/results.jsonl");
        Environment.SetEnvironmentVariable(GradingChannel.TokenVariable, "secret-2");
        var taken = GradingChannel.TakeFromEnvironment();
        Assert.Equal(("/tmp/results.jsonl", "secret-2"), taken);
        Assert.Null(Environment.GetEnvironmentVariable(GradingChannel.ResultsVariable));
        Assert.Null(Environment.GetEnvironmentVariable(GradingChannel.TokenVariable));
        Assert.Null(GradingChannel.TakeFromEnvironment());
    }
}
