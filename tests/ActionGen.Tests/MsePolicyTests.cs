using ActionGen.Data;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Rollouts;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

public class MsePolicyTests
{
    private static ActionDataset Toy(out BimodalToy toy)
    {
        toy = new BimodalToy();
        var (s, a) = toy.Sample(1000, seed: 0);
        return ActionDataset.FromScalars(s, a);
    }

    [Fact]
    public void The_loss_equals_a_hand_computed_mean_squared_error()
    {
        var data = new ActionDataset(new double[,] { { 0 }, { 1 } }, new double[,] { { 0, 0 }, { 1, 1 } });
        using var policy = MsePolicy.Create(data, new MseOptions([4]));
        using var observations = torch.tensor(new float[] { -1, 1 }).reshape(2, 1);
        using var actions = torch.tensor(new float[] { 0.5f, -0.25f, 1, 2 }).reshape(2, 2);
        using var predicted = ((Mlp)policy.Network).forward(observations);
        float[] p = predicted.data<float>().ToArray();
        float[] a = actions.data<float>().ToArray();
        double expected = p.Zip(a, (x, y) => (x - y) * (x - y)).Sum() / 4; // 1/(B·D) Σ (a − f(s))²
        double actual = policy.Loss(observations, actions).Total.item<float>();
        Assert.Equal(expected, actual, 5);
    }

    [Fact]
    public void Training_on_the_bimodal_toy_converges_to_the_conditional_mean_between_the_branches()
    {
        var data = Toy(out var toy);
        var (policy, history) = MsePolicy.Train(data, new MseOptions([64, 64]), new TrainerOptions(Steps: 1500));
        using (policy)
        {
            Assert.True(history.Completed);
            var grid = Enumerable.Range(0, 21).Select(i => -1 + i / 10.0).ToList();
            var predictions = grid.Select(s => policy.Act([s])[0]).ToList();
            double meanError = predictions.Zip(grid, (f, s) => Math.Abs(f - toy.ConditionalMean(s))).Average();
            double closestToABranch = predictions.Zip(grid, (f, s) => BimodalToy.Branch(s) - Math.Abs(f)).Min();
            Assert.True(meanError < 0.08, $"mean |f(s) − E[a|s]| = {meanError}");
            Assert.True(closestToABranch > 0.25, $"a prediction came within {closestToABranch} of a branch");
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_weights_after_training()
    {
        var data = Toy(out _);
        float[] Weights()
        {
            var (policy, _) = MsePolicy.Train(data, new MseOptions([16], Seed: 3), new TrainerOptions(Steps: 50, Seed: 4));
            using (policy) return policy.Network.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }
        Assert.Equal(Weights(), Weights());
    }

    [Fact]
    public void Save_and_load_reproduce_the_same_actions()
    {
        var data = Toy(out _);
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "mse.policy");
        var (policy, _) = MsePolicy.Train(data, new MseOptions([16]), new TrainerOptions(Steps: 100));
        using (policy)
        {
            policy.Save(path);
            using var loaded = MsePolicy.Load(path);
            using var s = torch.linspace(-1, 1, 7).unsqueeze(1);
            Assert.Equal(policy.Act(s).data<float>().ToArray(), loaded.Act(s).data<float>().ToArray());
            Assert.Equal(policy.ParameterCount, loaded.ParameterCount);
        }
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_model_or_another_method_says_so()
    {
        using var temp = new TempDirectory();
        string garbage = temp.File("garbage.policy", "not a model");
        var notModel = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(garbage));
        Assert.Contains("is not an ActionGen model file", notModel.Message, StringComparison.Ordinal);

        var data = Toy(out _);
        using var policy = MsePolicy.Create(data, new MseOptions([4]));
        string other = Path.Combine(temp.Path, "other.policy");
        PolicyFile.Write(other, new PolicyHeader("mdn", PolicyFile.FormatVersion, policy.ObservationNormalizer, policy.ActionNormalizer, []), policy.Network);
        var wrongMethod = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(other));
        Assert.Contains("holds a 'mdn' policy, expected 'mse'", wrongMethod.Message, StringComparison.Ordinal);

        string future = Path.Combine(temp.Path, "future.policy");
        PolicyFile.Write(future, new PolicyHeader("mse", 99, policy.ObservationNormalizer, policy.ActionNormalizer, []), policy.Network);
        var wrongVersion = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(future));
        Assert.Contains("model format 99", wrongVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observations_of_the_wrong_shape_dtype_or_with_nan_are_rejected_clearly()
    {
        var data = Toy(out _);
        using var policy = MsePolicy.Create(data, new MseOptions([4]));
        var shape = Assert.Throws<ArgumentException>(() => policy.Act(torch.zeros(3, 2)));
        Assert.Contains("expected observations of shape [batch, 1], got [3, 2]", shape.Message, StringComparison.Ordinal);
        var dtype = Assert.Throws<ArgumentException>(() => policy.Act(torch.zeros(new long[] { 3, 1 }, torch.int32)));
        Assert.Contains("floating-point", dtype.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => policy.Act(torch.tensor(new[] { float.NaN }).reshape(1, 1)));
        Assert.Contains("NaN", nan.Message, StringComparison.Ordinal);
        var dims = Assert.Throws<ArgumentException>(() => Trainer.Fit(policy, new ActionDataset(new double[2, 3], new double[2, 1])));
        Assert.Contains("takes 1-D observations", dims.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expert_replay_never_collides_and_uses_both_sides()
    {
        var scene = ObstacleScene.Default;
        var sides = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? PassSide.Left : PassSide.Right).ToList();
        var rollouts = ObstacleRollouts.Run(ObstacleRollouts.Expert(new ObstacleExpert(scene), sides, seed: 1), scene, ObstacleRollouts.Starts(scene, 100, seed: 2));
        var metrics = RolloutMetrics.Of(rollouts);
        Assert.Equal(0, metrics.CollisionRate);
        Assert.Equal(1, metrics.SuccessRate);
        Assert.Equal(1, metrics.ModeEntropy, 9);
    }

    [Fact]
    public void A_trained_chunked_mse_policy_drives_into_the_obstacle()
    {
        var demos = ObstacleDemonstrations.Generate(100, seed: 0);
        var (policy, _) = MsePolicy.Train(ActionChunks.FromDemonstrations(demos, horizon: 8), training: new TrainerOptions(Steps: 1500));
        using (policy)
        {
            var metrics = RolloutMetrics.Of(ObstacleRollouts.Run(policy, ObstacleScene.Default, 100, seed: 1));
            Assert.True(metrics.CollisionRate >= 0.7, metrics.ToString());
        }
    }
}
