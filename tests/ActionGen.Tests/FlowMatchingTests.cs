using ActionGen.Data;
using ActionGen.FlowMatching;
using ActionGen.Runtime;
using ActionGen.Sampling;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Tests;

public class FlowMatchingTests
{
    private static Tensor Row(params double[] values) => tensor(values, float64).reshape(1, values.Length);

    /// <summary>Runs a sampler on a known velocity field v(x, τ) from <paramref name="start"/>.</summary>
    private static Tensor Integrate(Sampler sampler, Tensor start, Func<Tensor, double, Tensor> velocity)
    {
        var x = start;
        var memory = sampler.NewMemory();
        foreach (var step in sampler.Steps) x = sampler.Step(velocity(x, step.Time), step, x, zeros_like(x), memory);
        return x;
    }

    [Fact]
    public void The_path_interpolates_noise_and_action_and_its_velocity_is_their_difference()
    {
        var noise = Row(1.0, -2.0);
        var action = Row(0.5, 0.5);
        Assert.True(FlowPath.Interpolate(noise, action, tensor(0.25, float64)).allclose(Row(0.875, -1.375), rtol: 0, atol: 1e-12)); // 0.75 x₀ + 0.25 a
        Assert.True(FlowPath.TargetVelocity(noise, action).allclose(Row(-0.5, 2.5), rtol: 0, atol: 1e-12));
        Assert.Throws<ArgumentException>(() => FlowPath.Interpolate(noise, Row(1.0), tensor(0.5, float64)));
        Assert.Throws<ArgumentException>(() => FlowPath.Interpolate(noise, action, tensor(new[] { 0.1, 0.2 }, float64)));
    }

    [Fact]
    public void Euler_on_the_exact_field_of_a_point_mass_reaches_it_for_any_step_count()
    {
        var target = Row(0.3, -0.8);
        Tensor Exact(Tensor x, double tau) => (target - x) / (1 - tau);                          // marginal velocity of a point mass: (a* − x)/(1 − τ)
        foreach (int steps in new[] { 1, 2, 7, 10 })
        {
            var end = Integrate(new EulerSampler(steps), Row(2.0, 1.5), Exact);
            Assert.True(end.allclose(target, rtol: 0, atol: 1e-12), $"Euler-{steps}");
        }
    }

    [Fact]
    public void Heun_integrates_a_field_linear_in_time_exactly_where_euler_does_not()
    {
        var c = Row(1.0, -3.0);
        Tensor Field(Tensor x, double tau) => 2 * tau * c;                                       // dx/dτ = 2τc: x(1) = x(0) + c
        var start = Row(0.0, 0.0);
        var heun = Integrate(new HeunSampler(3), start, Field);
        var euler = Integrate(new EulerSampler(3), start, Field);
        Assert.True(heun.allclose(c, rtol: 0, atol: 1e-12));
        Assert.True(euler.allclose(c * (2.0 / 3), rtol: 0, atol: 1e-12));                        // Σ (1/N)·2(i/N)c = c (N−1)/N
        Assert.Equal(6, new HeunSampler(3).NetworkEvaluations);
        Assert.Equal([0.0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1], new HeunSampler(3).Steps.Select(s => s.Time).ToArray(), new DoubleTolerance(1e-12));
    }

    [Fact]
    public void One_euler_step_is_the_formula()
    {
        var x = Row(0.2, 0.4);
        var v = Row(-1.0, 3.0);
        var sampler = new EulerSampler(4);
        var step = sampler.Steps[2];
        Assert.True(sampler.Step(v, step, x, zeros_like(x)).allclose(x + 0.25 * v, rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void Bad_step_counts_are_named()
    {
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => new EulerSampler(0)).ParamName);
        Assert.Equal("intervals", Assert.Throws<ArgumentOutOfRangeException>(() => new HeunSampler(-1)).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentOutOfRangeException>(() => new FlowMatchingOptions(Sampling: FlowSampling.Euler(0)).Validate()).ParamName);
        Assert.Throws<ArgumentNullException>(() => new HeunSampler(2).Step(Row(1.0), new SamplerStep(0, 0, 0.5), Row(1.0), Row(0.0)));
    }

    [Fact]
    public void Pi0_time_sampling_puts_more_weight_on_noisy_times()
    {
        using var generator = new Generator(1, CPU);
        var uniform = FlowTimes.Sample(FlowTimeSampling.Uniform, 100_000, generator: generator);
        var pi0 = FlowTimes.Sample(FlowTimeSampling.Pi0Beta, 100_000, generator: generator);
        // E[τ] = 1 − (0.999 · 1.5/2.5 + 0.001) = 0.3996 for π0's, ½ for uniform; SE ≈ 0.001.
        Assert.Equal(0.5, uniform.mean().item<float>(), 0.005);
        Assert.Equal(0.3996, pi0.mean().item<float>(), 0.005);
        Assert.True(pi0.min().item<float>() >= 0 && pi0.max().item<float>() <= 0.999 + 1e-6);
    }

    [Fact]
    public void A_trained_network_on_a_point_mass_learns_the_closed_form_velocity()
    {
        // Every observation wants the same action: the marginal velocity is (a* − x)/(1 − τ) in normalised units.
        var observations = new double[256, 1];
        var actions = new double[256, 1];
        for (int i = 0; i < 256; i++) (observations[i, 0], actions[i, 0]) = (i / 255.0, 1.0); // a constant column normalises to 0
        var data = new ActionDataset(observations, actions);
        var (policy, _) = FlowMatchingPolicy.Train(data, new FlowMatchingOptions(TimeSampling: FlowTimeSampling.Uniform, Width: 64, Blocks: 2), new TrainerOptions(Steps: 1500, BatchSize: 128));
        using (policy)
        {
            Seeds.Seed(0);
            var samples = policy.Act(torch.rand(200, 1)).data<float>().ToArray();
            Assert.True(samples.All(a => Math.Abs(a - 1.0) < 0.05), $"samples {samples.Min()} … {samples.Max()}");
        }
    }

    [Fact]
    public void Flow_matching_on_the_toy_samples_both_branches()
    {
        var (s, a) = new BimodalToy().Sample(1000, seed: 0);
        var (policy, history) = FlowMatchingPolicy.Train(ActionDataset.FromScalars(s, a), new FlowMatchingOptions(Width: 64, Blocks: 2), new TrainerOptions(Steps: 1500));
        using (policy)
        {
            Assert.True(history.Completed);
            Seeds.Seed(11);
            var samples = policy.Act(full(new long[] { 400, 1 }, 0.5f)).data<float>().ToArray();
            Assert.InRange(samples.Count(x => x > 0) / 400.0, 0.3, 0.7);
            double onBranch = samples.Count(x => Math.Abs(Math.Abs(x) - BimodalToy.Branch(0.5)) < 0.15) / 400.0;
            Assert.True(onBranch > 0.8, $"{onBranch:P0} of samples near a branch");
        }
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
