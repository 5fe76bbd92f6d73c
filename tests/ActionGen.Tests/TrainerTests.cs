using ActionGen.Data;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

public class TrainerTests
{
    private static readonly ActionDataset Line = ActionDataset.FromScalars(
        Enumerable.Range(0, 64).Select(i => i / 63.0).ToArray(), Enumerable.Range(0, 64).Select(i => 2 * i / 63.0).ToArray());

    [Fact]
    public void A_non_finite_loss_stops_training_naming_the_step_and_the_term()
    {
        using var policy = MsePolicy.Create(Line, new MseOptions([8]));
        var error = Assert.Throws<NonFiniteLossException>(() => Trainer.Fit(new ExplodingLoss(policy, atStep: 7), Line, new TrainerOptions(Steps: 20)));
        Assert.Equal(7, error.Step);
        Assert.Equal("exploding", error.Term);
        Assert.Contains("step 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_loss_can_be_recorded_instead()
    {
        using var policy = MsePolicy.Create(Line, new MseOptions([8]));
        var history = Trainer.Fit(new ExplodingLoss(policy, atStep: 5), Line, new TrainerOptions(Steps: 20, OnFailure: FailureHandling.Record));
        Assert.False(history.Completed);
        Assert.Equal(5, history.NonFiniteStep);
        Assert.Equal("exploding", history.NonFiniteTerm);
        Assert.Equal(4, history.Loss.Count);
    }

    [Fact]
    public void Progress_is_reported_and_the_loss_falls()
    {
        using var policy = MsePolicy.Create(Line, new MseOptions([32]));
        var reports = new List<TrainingProgress>();
        var history = Trainer.Fit(policy, Line, new TrainerOptions(Steps: 300, BatchSize: 32, ReportEvery: 100, GradientClipNorm: 1.0, Schedule: LearningRateSchedule.Cosine, WarmupSteps: 10), new SynchronousProgress(reports.Add));
        Assert.Equal([100, 200, 300], reports.Select(r => r.Step));
        Assert.True(history.FinalLoss(50) < history.Loss.Take(10).Average() / 10, $"loss {history.Loss[0]} → {history.FinalLoss(50)}");
    }

    [Fact]
    public void The_cosine_schedule_warms_up_then_decays_to_zero()
    {
        var options = new TrainerOptions(Steps: 110, LearningRate: 1.0, Schedule: LearningRateSchedule.Cosine, WarmupSteps: 10);
        Assert.Equal(0.1, options.LearningRateAt(0), 12);
        Assert.Equal(1.0, options.LearningRateAt(10), 12);
        Assert.Equal(0.5, options.LearningRateAt(60), 12);
        Assert.True(options.LearningRateAt(109) < 0.001);
    }

    [Fact]
    public void Invalid_options_name_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions(Steps: 0).Validate());
        Assert.Equal("Steps", error.ParamName);
    }

    [Fact]
    public void Native_tensors_do_not_accumulate_across_a_long_training_loop()
    {
        using var policy = MsePolicy.Create(Line, new MseOptions([16]));
        Trainer.Fit(policy, Line, new TrainerOptions(Steps: 20, BatchSize: 16)); // warm up: optimiser state exists
        var statistics = DisposeScopeManager.Statistics;
        long before = statistics.ThreadTotalLiveCount;
        Trainer.Fit(policy, Line, new TrainerOptions(Steps: 2000, BatchSize: 16));
        long after = statistics.ThreadTotalLiveCount;
        // A leak of one tensor per step would add 2,000; the optimiser's fresh state adds a fixed handful.
        Assert.True(after - before < 50, $"live tensors {before} → {after} over 2,000 steps");
    }

    /// <summary>An MSE policy whose loss becomes +∞ at a chosen step.</summary>
    private sealed class ExplodingLoss(MsePolicy inner, int atStep) : ITrainable
    {
        private int calls;

        public torch.nn.Module Network => inner.Network;
        public torch.Device Device => inner.Device;
        public MinMaxNormalizer ObservationNormalizer => inner.ObservationNormalizer;
        public MinMaxNormalizer ActionNormalizer => inner.ActionNormalizer;

        public LossBreakdown Loss(torch.Tensor observations, torch.Tensor actions, torch.Generator? generator = null)
        {
            var loss = inner.Loss(observations, actions).Total;
            if (++calls >= atStep) loss = loss * float.PositiveInfinity;
            return new LossBreakdown(loss, [("exploding", loss)]);
        }
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
