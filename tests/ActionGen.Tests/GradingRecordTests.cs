using ActionGen.Classroom;
using ActionGen.Exercises;

namespace ActionGen.Tests;

public class GradingRecordTests
{
    [Fact]
    public void The_grader_reads_exactly_what_the_librarys_checks_write_for_its_run()
    {
        Assert.Equal(GradingChannel.ResultsVariable, Grader.ResultsVariable);
        Assert.Equal(GradingChannel.TokenVariable, Grader.TokenVariable);
        using var temp = new TempDirectory();
        string results = Path.Combine(temp.Path, "results.jsonl");
        GradingChannel.Target = (results, "run-secret");
        var output = Check.Output;
        Check.Output = TextWriter.Null;
        try
        {
            GradingChannel.Begin("99.1");
            Check.Close("99.1", () => 5.0, 5.0, 0, "h");
            Assert.Throws<ExerciseFailedException>(() => Check.Close("99.1 (negative)", () => 1.0, 0.0, 0, "h"));
        }
        finally
        {
            GradingChannel.Target = null;
            Check.Output = output;
        }
        // Lines a learner could add without the secret, or that are not records at all.
        File.AppendAllText(results, "{\"token\":\"guess\",\"event\":\"passed\",\"check\":\"99.1 (negative)\"}\n" +
                                    "{\"event\":\"passed\",\"check\":\"99.1 (negative)\"}\n✔ Exercise 99.1 (negative) passed\n{\"token\":\"run-secret\"}\n");

        var records = GradingRecord.Read(results, "run-secret");

        Assert.Equal(["begin 99.1", "started 99.1", "passed 99.1", "started 99.1 (negative)", "failed 99.1 (negative)"],
            records.Select(r => $"{r.Event} {r.Check}"));
        Assert.All(records, r => Assert.Equal("99.1", r.Exercise));
        Assert.Empty(GradingRecord.Read(Path.Combine(temp.Path, "missing.jsonl"), "run-secret"));
    }

    [Theory]
    [InlineData("02.2 (far target)", "02.2")]
    [InlineData("03.1 (t = 37)", "03.1")]
    [InlineData("99.10", "99.10")]
    [InlineData("00.1", "00.1")]
    public void A_check_belongs_to_the_exercise_its_id_starts_with(string check, string exercise) =>
        Assert.Equal(exercise, new GradingRecord(GradingRecord.Passed, check, null).Exercise);
}
