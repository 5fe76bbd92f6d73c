using ActionGen.Data;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

public class MdnPolicyTests
{
    [Fact]
    public void A_trained_mdn_recovers_both_branches_of_the_toy()
    {
        var (s, a) = new BimodalToy().Sample(1000, seed: 0);
        var (policy, history) = MdnPolicy.Train(ActionDataset.FromScalars(s, a), new MdnOptions(HiddenWidths: [64, 64]), new TrainerOptions(Steps: 1500));
        using (policy)
        {
            Assert.True(history.Completed);
            torch.manual_seed(5);
            var grid = Enumerable.Range(0, 400).Select(i => -1 + 2 * (i + 0.5) / 400).ToArray();
            var samples = policy.Act(torch.tensor(grid, dtype: torch.float32).reshape(-1, 1)).data<float>().ToArray();
            double onBranch = grid.Zip(samples, (g, x) => Math.Abs(Math.Abs(x) - BimodalToy.Branch(g)) < 0.1 ? 1.0 : 0).Average();
            double upper = samples.Count(x => x > 0) / (double)samples.Length;
            Assert.True(onBranch > 0.9, $"{onBranch:P0} of samples within 0.1 of a branch");
            Assert.InRange(upper, 0.35, 0.65);
        }
    }

    [Fact]
    public void Save_and_load_reproduce_the_mixture()
    {
        var (s, a) = new BimodalToy().Sample(200, seed: 1);
        var data = ActionDataset.FromScalars(s, a);
        var (policy, _) = MdnPolicy.Train(data, new MdnOptions(Components: 3, HiddenWidths: [16], Std: StdParameterization.EluPlusOne, LogStdClamp: 5), new TrainerOptions(Steps: 50));
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "mdn.policy");
        using (policy)
        {
            policy.Save(path);
            using var loaded = MdnPolicy.Load(path);
            Assert.Equal(policy.Options, loaded.Options with { HiddenWidths = policy.Options.HiddenWidths });
            using var obs = torch.linspace(-1, 1, 5).unsqueeze(1);
            var before = policy.Components(obs);
            var after = loaded.Components(obs);
            Assert.Equal(before.Weights.SelectMany(w => w), after.Weights.SelectMany(w => w));
            Assert.Throws<InvalidDataException>(() => MsePolicy.Load(path));
        }
    }

    [Fact]
    public void The_naive_recipe_goes_non_finite_on_chunked_obstacle_data_and_the_stable_one_does_not()
    {
        var chunks = ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(30, seed: 0), horizon: 8);
        var training = new TrainerOptions(Steps: 300, OnFailure: FailureHandling.Record);
        var (naive, naiveHistory) = MdnPolicy.Train(chunks, MdnOptions.Naive(components: 16), training);
        var (stable, stableHistory) = MdnPolicy.Train(chunks, new MdnOptions(Components: 16), training);
        naive.Dispose();
        stable.Dispose();
        Assert.False(naiveHistory.Completed, "the naive recipe survived 300 steps");
        Assert.NotNull(naiveHistory.NonFiniteTerm);
        Assert.True(stableHistory.Completed, $"stable recipe stopped at {stableHistory.NonFiniteStep} ({stableHistory.NonFiniteTerm})");
    }

    [Fact]
    public void Invalid_options_are_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MdnOptions(Components: 0).Validate());
        Assert.Equal("Components", error.ParamName);
    }

    [Fact]
    public void Bimanual_coverage_counts_valid_samples_and_modes()
    {
        var task = new BimanualTask(JointsPerArm: 3);
        var data = task.Sample(2000, seed: 0);
        var observations = Enumerable.Range(0, data.Count).Select(i => data.Observations[i, 0]).ToList();
        var rows = Enumerable.Range(0, data.Count).Select(i => Enumerable.Range(0, task.ActionDim).Select(c => data.Actions[i, c]).ToArray()).ToArray();
        var coverage = task.Evaluate(observations, rows);
        Assert.True(coverage.ValidFraction > 0.99, coverage.ToString());
        Assert.Equal(9, coverage.DistinctModes);
        Assert.True(coverage.ModeEntropy > 0.98);
        var between = rows.Select(r => r.Select(x => x * 0.5).ToArray()).ToArray(); // halfway to grasp 0: between grasps
        Assert.True(task.Evaluate(observations, between).ValidFraction < 0.5);
    }
}
