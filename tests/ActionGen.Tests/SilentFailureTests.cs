using ActionGen.Data;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

/// <summary>Inputs that used to give a silent wrong answer now give a clear error (or an honest failure record).</summary>
public class SilentFailureTests
{
    private static ActionDataset Chunks() => ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(20, seed: 0), horizon: 8);

    [Fact]
    public void A_huge_learning_rate_is_reported_as_divergence_not_completion()
    {
        var training = new TrainerOptions(Steps: 200, LearningRate: 1e6, OnFailure: FailureHandling.Record);
        var (policy, history) = MdnPolicy.Train(Chunks(), new MdnOptions(Components: 5, HiddenWidths: [64, 64]), training);
        policy.Dispose();
        Assert.False(history.Completed, $"final loss {history.FinalLoss(20)}");
        Assert.True(history.Diverged is not null || history.NonFiniteStep is not null);

        var thrown = Assert.ThrowsAny<TrainingFailedException>(() => MdnPolicy.Train(Chunks(), new MdnOptions(HiddenWidths: [64, 64]), training with { OnFailure = FailureHandling.Throw }));
        Assert.Contains("LearningRate", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, null, "LearningRate")]
    [InlineData(double.NaN, null, "LearningRate")]
    [InlineData(1e-3, double.NaN, "GradientClipNorm")]
    [InlineData(1e-3, double.PositiveInfinity, "GradientClipNorm")]
    public void Non_finite_training_options_are_rejected_by_name(double learningRate, double? clip, string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions(LearningRate: learningRate, GradientClipNorm: clip).Validate());
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Non_finite_policy_options_are_rejected_by_name()
    {
        Assert.Equal("MinStd", Assert.Throws<ArgumentOutOfRangeException>(() => new MdnOptions(MinStd: double.NaN).Validate()).ParamName);
        Assert.Equal("WeightTemperature", Assert.Throws<ArgumentOutOfRangeException>(() => new MdnOptions(WeightTemperature: double.PositiveInfinity).Validate()).ParamName);
        Assert.Equal("EmaPower", Assert.Throws<ArgumentOutOfRangeException>(() => new Diffusion.DiffusionOptions(EmaPower: double.NaN).Validate()).ParamName);
        Assert.Equal("HiddenWidths", Assert.Throws<ArgumentOutOfRangeException>(() => new MseOptions([]).Validate()).ParamName);
    }

    [Fact]
    public void Weights_that_went_non_finite_in_a_single_step_are_caught()
    {
        var data = ActionDataset.FromScalars([0.0, 1.0, 2.0], [0.0, 1.0, 2.0]);
        using var policy = MsePolicy.Create(data, new MseOptions([4]));
        using (torch.no_grad()) policy.Network.parameters().First().fill_(float.NaN); // as if a step had poisoned them
        var history = Trainer.Fit(policy, data, new TrainerOptions(Steps: 1, OnFailure: FailureHandling.Record));
        Assert.False(history.Completed);
        Assert.NotNull(history.NonFiniteTerm);
    }

    [Fact]
    public void A_value_beyond_float32_is_rejected_with_file_line_and_column()
    {
        using var temp = new TempDirectory();
        string path = temp.File("big.csv", "s,a\n0.5,0.1\n0.2,1e300\n");
        var error = Assert.Throws<InvalidDataException>(() => ActionDataset.FromCsv(path, ["s"], ["a"]));
        Assert.Contains($"{path}:3: column 'a' holds 1e300, beyond float32's range", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ActionDataset(new double[,] { { 1e300 } }, new double[,] { { 0 } }));
    }

    [Fact]
    public void A_fractional_or_repeated_episode_id_is_rejected_with_file_and_line()
    {
        using var temp = new TempDirectory();
        string header = "episode,step,side,x,y,dx,dy\n";
        string fractional = temp.File("fractional.csv", header + "0,0,left,0,0,0.1,0.1\n1.5,0,left,0,0,0.1,0.1\n");
        var error = Assert.Throws<InvalidDataException>(() => DataFiles.ReadObstacle(fractional));
        Assert.Contains($"{fractional}:3: column 'episode' holds '1.5', expected a whole number", error.Message, StringComparison.Ordinal);
        string repeated = temp.File("repeated.csv", header + "0,0,left,0,0,0.1,0.1\n1,0,right,0,0,0.1,0.1\n0,1,left,0,0,0.1,0.1\n");
        Assert.Contains("episode 0 appears again", Assert.Throws<InvalidDataException>(() => DataFiles.ReadObstacle(repeated)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,0,left,0,0,0.1,0.1\n0,1,right,0,0,0.1,0.1\n", ":3: episode 0 passes left up to line 2 and right here")]
    [InlineData("0,0,left,0,0,0.1,0.1\n0,2,left,0,0,0.1,0.1\n", ":3: column 'step' holds 2, expected 1")]
    [InlineData("0,0,left,0,0,0.1,0.1\n0,0,left,0,0,0.1,0.1\n", ":3: column 'step' holds 0, expected 1")]
    [InlineData("0,1,left,0,0,0.1,0.1\n", ":2: column 'step' holds 1, expected 0")]
    public void An_episode_that_changes_side_or_skips_repeats_or_reorders_steps_is_rejected(string rows, string message)
    {
        // Both once loaded quietly: the side of the first row stood for the episode, and steps were only checked as numbers.
        using var temp = new TempDirectory();
        string path = temp.File("demos.csv", "episode,step,side,x,y,dx,dy\n" + rows);
        Assert.Contains(path + message, Assert.Throws<InvalidDataException>(() => DataFiles.ReadObstacle(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observations_beyond_float32_are_rejected_not_turned_into_infinite_actions()
    {
        var data = new ActionDataset(new double[,] { { 0.0 }, { 1.0 } }, new double[,] { { 0.0 }, { 1.0 } });
        using var policy = MsePolicy.Create(data, new MseOptions(HiddenWidths: [8]));
        using var huge = torch.tensor(new double[] { 1e300 }).reshape(1, 1);                    // finite as a double, infinite as float32
        Assert.Contains("beyond float32's range", Assert.Throws<ArgumentException>(() => policy.Act(huge)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mixtures_density_and_diagnostics_refuse_NaN_and_mismatched_inputs()
    {
        // All three returned NaN (or, for Diagnose, finite-looking shares) for a NaN observation.
        var data = new ActionDataset(new double[,] { { 0.0 }, { 1.0 } }, new double[,] { { 0.0 }, { 1.0 } });
        using var mdn = MdnPolicy.Create(data, new MdnOptions(Components: 2, HiddenWidths: [8]));
        using var nan = torch.tensor(new float[] { float.NaN }).reshape(1, 1);
        using var one = torch.tensor(new float[] { 0.5f }).reshape(1, 1);
        using var fiveActions = torch.zeros(5, 1);
        Assert.Contains("NaN or infinite", Assert.Throws<ArgumentException>(() => mdn.LogDensity(nan, one)).Message, StringComparison.Ordinal);
        Assert.Contains("actions contain NaN", Assert.Throws<ArgumentException>(() => mdn.LogDensity(one, nan)).Message, StringComparison.Ordinal);
        Assert.Contains("NaN or infinite", Assert.Throws<ArgumentException>(() => mdn.Components(nan)).Message, StringComparison.Ordinal);
        Assert.Contains("NaN or infinite", Assert.Throws<ArgumentException>(() => mdn.Diagnose(nan)).Message, StringComparison.Ordinal);
        Assert.Contains("expected actions of shape [1, 1] (one per observation), got [5, 1]", Assert.Throws<ArgumentException>(() => mdn.LogDensity(one, fiveActions)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_policy_answers_an_empty_batch_like_every_policy()
    {
        // Was ArgumentOutOfRangeException 'startingIndex' from inside the decoder.
        var data = new ActionDataset(new double[,] { { 0.0 }, { 1.0 } }, new double[,] { { 0.0 }, { 1.0 } });
        using var policy = ActionGen.Tokenization.TokenPolicy.Create(data);
        using var none = torch.zeros(0, 1);
        using var actions = policy.Act(none);
        Assert.Equal([0L, 1L], actions.shape);
    }

    [Fact]
    public void An_integer_tensor_is_refused_by_the_normaliser_rather_than_truncated()
    {
        var normalizer = new MinMaxNormalizer([0.5], [1.5]);
        using var ones = torch.tensor(new long[] { 1 }).reshape(1, 1);
        Assert.Contains("Expected a floating-point tensor, got Int64", Assert.Throws<ArgumentException>(() => normalizer.Normalize(ones)).Message, StringComparison.Ordinal);
        Assert.Contains("Expected a floating-point tensor", Assert.Throws<ArgumentException>(() => normalizer.Denormalize(ones)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, 0.03, "UpperFraction is a probability: expected a number in [0, 1], got 1.5")]
    [InlineData(double.NaN, 0.03, "UpperFraction is a probability")]
    [InlineData(0.5, -0.1, "Noise is a standard deviation: expected a finite number, 0 or above, got -0.1")]
    public void The_toy_refuses_a_probability_outside_0_1_and_a_negative_noise(double upper, double noise, string message)
    {
        Assert.Contains(message, Assert.Throws<ArgumentOutOfRangeException>(() => new BimodalToy(upper, noise)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BimodalToy() with { UpperFraction = upper, Noise = noise });
    }

    [Theory]
    [InlineData(new[] { 1.0 }, new[] { 0.0 }, "Min 1 > Max 0")]
    [InlineData(new[] { 0.0, 0.0 }, new[] { 1.0 }, "2 minima and 1 maxima")]
    [InlineData(new[] { -1e300 }, new[] { 1.0 }, "Min[0] is -1E+300")]
    [InlineData(new[] { 0.0 }, new[] { double.NaN }, "Max[0] is NaN")]
    public void A_hand_built_normaliser_that_cannot_work_is_rejected(double[] min, double[] max, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new MinMaxNormalizer(min, max));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_a_data_file_is_named_as_a_directory()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<InvalidDataException>(() => DataFiles.ReadBimodal(temp.Path));
        Assert.Contains("is a directory, expected a CSV file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_observation_as_a_double_array_compiles_and_acts()
    {
        var data = ActionDataset.FromScalars([0.0, 1.0], [0.0, 2.0]);
        using var policy = MsePolicy.Create(data, new MseOptions([4]));
        double[] fromArray = policy.Act(new double[] { 0.5 });
        double[] fromCollection = policy.Act([0.5]);
        Assert.Equal(fromArray, fromCollection);
        Assert.Contains("expected one observation of 1 number(s), got 2", Assert.Throws<ArgumentException>(() => policy.Act(new double[] { 0.5, 1 })).Message, StringComparison.Ordinal);
    }
}
