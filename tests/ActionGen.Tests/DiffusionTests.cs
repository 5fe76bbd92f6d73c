using ActionGen.Data;
using ActionGen.Diffusion;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Tests;

public class DiffusionTests
{
    [Fact]
    public void The_linear_schedule_matches_its_formula()
    {
        var schedule = NoiseSchedule.Linear(1000);
        Assert.Equal(1e-4, schedule.Betas[0], 15);
        Assert.Equal(0.02, schedule.Betas[999], 15);
        Assert.Equal(1e-4 + (0.02 - 1e-4) * 500 / 999.0, schedule.Betas[500], 15);
        double product = 1;
        for (int t = 0; t <= 10; t++) product *= 1 - schedule.Betas[t];
        Assert.Equal(product, schedule.AlphaBars[10], 14);
        Assert.True(schedule.AlphaBars.Zip(schedule.AlphaBars.Skip(1)).All(p => p.Second < p.First), "ᾱ must decrease");
    }

    [Fact]
    public void The_cosine_schedule_matches_its_formula_and_caps_beta()
    {
        var schedule = NoiseSchedule.Cosine(100);
        static double F(double t) => Math.Pow(Math.Cos((t / 100 + 0.008) / 1.008 * Math.PI / 2), 2);
        Assert.Equal(Math.Min(1 - F(51) / F(50), 0.999), schedule.Betas[50], 14);
        Assert.Equal(F(30) / F(0), schedule.AlphaBars[29], 10); // ᾱ_t = f(t+1)/f(0) in 0-based steps
        Assert.Equal(0.999, schedule.Betas[99], 12);           // the last β hits the cap
        Assert.True(schedule.Betas.All(b => b is > 0 and <= 0.999));
        Assert.True(schedule.AlphaBars.Zip(schedule.AlphaBars.Skip(1)).All(p => p.Second < p.First));
    }

    [Fact]
    public void The_posterior_variance_matches_its_formula()
    {
        var schedule = NoiseSchedule.Linear(50);
        int t = 20;
        double expected = (1 - schedule.AlphaBars[t - 1]) / (1 - schedule.AlphaBars[t]) * schedule.Betas[t];
        Assert.Equal(expected, schedule.PosteriorVariance[t], 15);
        Assert.Equal(0, schedule.PosteriorVariance[0], 15);
    }

    [Fact]
    public void Q_sample_has_the_closed_form_mean_and_variance()
    {
        manual_seed(7);
        var schedule = NoiseSchedule.Cosine(100);
        const int n = 200_000;
        int t = 40;
        var x0 = full(new long[] { n, 1 }, 0.8, float64);
        var xt = schedule.QSample(x0, full(new long[] { n }, t, int64), randn(n, 1, dtype: float64));
        double alphaBar = schedule.AlphaBars[t];
        // ± 4 standard errors: SE(mean) = √((1−ᾱ)/n) ≈ 0.0018, SE(variance) ≈ (1−ᾱ)√(2/n) ≈ 0.002
        Assert.Equal(Math.Sqrt(alphaBar) * 0.8, xt.mean().item<double>(), 0.0072);   // E[x_t] = √ᾱ x₀
        Assert.Equal(1 - alphaBar, xt.var().item<double>(), 0.008);                 // Var[x_t] = 1 − ᾱ
    }

    [Fact]
    public void One_ddpm_step_equals_the_posterior_formula_on_fixed_tensors()
    {
        var schedule = NoiseSchedule.Linear(10, 1e-3, 0.2);
        int t = 6;
        var xt = tensor(new[] { 0.3, -1.4, 2.0 }, float64).reshape(1, 3);
        var eps = tensor(new[] { 0.5, -0.2, 1.1 }, float64).reshape(1, 3);
        var z = tensor(new[] { -0.7, 0.1, 0.4 }, float64).reshape(1, 3);
        double ab = schedule.AlphaBars[t], abPrev = schedule.AlphaBars[t - 1], beta = schedule.Betas[t];
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double x = xt[0, i].item<double>(), e = eps[0, i].item<double>();
            double x0 = (x - Math.Sqrt(1 - ab) * e) / Math.Sqrt(ab);
            double mean = Math.Sqrt(abPrev) * beta / (1 - ab) * x0 + Math.Sqrt(1 - beta) * (1 - abPrev) / (1 - ab) * x;
            expected[i] = mean + Math.Sqrt((1 - abPrev) / (1 - ab) * beta) * z[0, i].item<double>();
        }
        var actual = ReverseStep.Ddpm(schedule, xt, eps, t, z, clip: false).data<double>().ToArray();
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], actual[i], 12);
        // At t = 0 no noise is added.
        var last = ReverseStep.Ddpm(schedule, xt, eps, 0, z, clip: false);
        var lastAgain = ReverseStep.Ddpm(schedule, xt, eps, 0, zeros_like(z), clip: false);
        Assert.Equal(lastAgain.data<double>().ToArray(), last.data<double>().ToArray());
    }

    [Fact]
    public void Ddim_with_eta_one_over_all_steps_has_the_ddpm_posterior_mean_and_variance()
    {
        var schedule = NoiseSchedule.Cosine(20);
        var xt = tensor(new[] { 0.3, -0.4, 0.9 }, float64).reshape(1, 3);
        var eps = tensor(new[] { 0.2, -0.6, 0.1 }, float64).reshape(1, 3);
        foreach (int t in new[] { 1, 7, 15 })
        {
            var zero = zeros_like(xt);
            var ddpmMean = ReverseStep.Ddpm(schedule, xt, eps, t, zero, clip: false).data<double>().ToArray();
            var ddimMean = ReverseStep.Ddim(schedule, xt, eps, t, t - 1, eta: 1.0, zero, clip: false).data<double>().ToArray();
            for (int i = 0; i < 3; i++) Assert.Equal(ddpmMean[i], ddimMean[i], 10);
            // The noise enters with the posterior standard deviation in both.
            var one = ones_like(xt);
            double ddpmStd = ReverseStep.Ddpm(schedule, xt, eps, t, one, clip: false)[0, 0].item<double>() - ddpmMean[0];
            double ddimStd = ReverseStep.Ddim(schedule, xt, eps, t, t - 1, eta: 1.0, one, clip: false)[0, 0].item<double>() - ddimMean[0];
            Assert.Equal(Math.Sqrt(schedule.PosteriorVariance[t]), ddpmStd, 10);
            Assert.Equal(ddpmStd, ddimStd, 10);
        }
    }

    [Fact]
    public void Ddim_with_eta_zero_is_deterministic()
    {
        var schedule = NoiseSchedule.Cosine(100);
        var xt = tensor(new[] { 0.3, -0.4 }, float64).reshape(1, 2);
        var eps = tensor(new[] { 0.2, -0.6 }, float64).reshape(1, 2);
        var a = ReverseStep.Ddim(schedule, xt, eps, 50, 40, eta: 0, randn(1, 2, dtype: float64), clip: true).data<double>().ToArray();
        var b = ReverseStep.Ddim(schedule, xt, eps, 50, 40, eta: 0, randn(1, 2, dtype: float64), clip: true).data<double>().ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Step_counts_and_shapes_are_checked_with_clear_messages()
    {
        var stepsError = Assert.Throws<ArgumentOutOfRangeException>(() => ReverseStep.DdimTimesteps(100, 150));
        Assert.Contains("between 1 and T = 100", stepsError.Message, StringComparison.Ordinal);
        var optionsError = Assert.Throws<ArgumentOutOfRangeException>(() => new DiffusionOptions(Sampling: DiffusionSampling.Ddim(200)).Validate());
        Assert.Equal("Steps", optionsError.ParamName);
        var schedule = NoiseSchedule.Cosine(10);
        var shapeError = Assert.Throws<ArgumentException>(() => schedule.QSample(zeros(4, 2), zeros(new long[] { 3 }, int64), zeros(4, 2)));
        Assert.Contains("one timestep per row ([4]), got [3]", shapeError.Message, StringComparison.Ordinal);
        Assert.Equal([90, 80, 70, 60, 50, 40, 30, 20, 10, 0], ReverseStep.DdimTimesteps(100, 10));
    }

    [Fact]
    public void A_small_diffusion_model_on_the_toy_puts_both_modes_between_thirty_and_seventy_percent()
    {
        var (s, a) = new BimodalToy().Sample(1000, seed: 0);
        var (policy, history) = DiffusionPolicy.Train(ActionDataset.FromScalars(s, a), new DiffusionOptions(Width: 64, Blocks: 2), new TrainerOptions(Steps: 1500));
        using (policy)
        {
            Assert.True(history.Completed);
            manual_seed(11);
            var samples = policy.Act(full(new long[] { 400, 1 }, 0.5f)).data<float>().ToArray();
            double upper = samples.Count(x => x > 0) / 400.0;
            Assert.InRange(upper, 0.3, 0.7);
            double onBranch = samples.Count(x => Math.Abs(Math.Abs(x) - BimodalToy.Branch(0.5)) < 0.15) / 400.0;
            Assert.True(onBranch > 0.8, $"{onBranch:P0} of samples near a branch");
        }
    }

    [Fact]
    public void Save_and_load_reproduce_the_samples_for_the_same_seed()
    {
        var (s, a) = new BimodalToy().Sample(200, seed: 1);
        var (policy, _) = DiffusionPolicy.Train(ActionDataset.FromScalars(s, a), new DiffusionOptions(NoiseLevels: 20, Width: 16, Blocks: 1, EmaPower: 0.75), new TrainerOptions(Steps: 30));
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "diffusion.policy");
        using (policy)
        {
            policy.Save(path);
            using var loaded = DiffusionPolicy.Load(path);
            var obs = linspace(-1, 1, 5).unsqueeze(1);
            manual_seed(3);
            var before = policy.Act(obs).data<float>().ToArray();
            manual_seed(3);
            var after = loaded.Act(obs).data<float>().ToArray();
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public void The_ema_decay_warms_up_as_diffusion_policy_does()
    {
        var ema = new ExponentialMovingAverage(nn.Linear(1, 1), nn.Linear(1, 1), power: 0.75);
        Assert.Equal(1 - Math.Pow(2, -0.75), ema.DecayAt(1), 12);
        Assert.Equal(0.9999, ema.DecayAt(100_000_000), 12);
    }
}
