using ActionGen.Diffusion;
using ActionGen.Sampling;
using static TorchSharp.torch;

namespace ActionGen.Tests;

/// <summary>The samplers' updates against their formulas, on fixed float64 tensors.</summary>
public class SamplerTests
{
    private static Tensor Row(params double[] values) => tensor(values, float64).reshape(1, values.Length);

    [Fact]
    public void One_ddim_step_to_the_end_with_the_exact_noise_returns_the_clean_action()
    {
        var schedule = NoiseSchedule.Cosine(100);
        var x0 = Row(0.3, -0.7, 0.95);
        var eps = Row(1.2, -0.4, 0.05);
        foreach (int t in new[] { 5, 50, 99 })
        {
            double alphaBar = schedule.AlphaBars[t];
            var xt = Math.Sqrt(alphaBar) * x0 + Math.Sqrt(1 - alphaBar) * eps;                 // x_t = √ᾱ x₀ + √(1−ᾱ) ε
            var end = ReverseStep.Ddim(schedule, xt, eps, t, -1, eta: 0, randn(1, 3, dtype: float64), clip: false);
            Assert.True(end.allclose(x0, rtol: 0, atol: 1e-12), $"t = {t}: {end.ToString(TorchSharp.TensorStringStyle.Julia)}");
        }
    }

    [Fact]
    public void The_ddpm_posterior_mean_through_x0_equals_ho_et_als_epsilon_form()
    {
        var schedule = NoiseSchedule.Linear(50);
        var xt = Row(0.4, -1.1, 2.2);
        var eps = Row(-0.3, 0.8, 0.1);
        foreach (int t in new[] { 1, 20, 49 })
        {
            double beta = schedule.Betas[t], alpha = schedule.Alphas[t], alphaBar = schedule.AlphaBars[t];
            var ho = (xt - beta / Math.Sqrt(1 - alphaBar) * eps) / Math.Sqrt(alpha);            // μ_θ = (x_t − β_t/√(1−ᾱ_t) ε)/√α_t
            var viaX0 = ReverseStep.Ddpm(schedule, xt, eps, t, zeros_like(xt), clip: false);
            Assert.True(viaX0.allclose(ho, rtol: 0, atol: 1e-12), $"t = {t}");
        }
    }

    [Fact]
    public void The_beta_variance_adds_the_square_root_of_beta_times_the_noise()
    {
        var schedule = NoiseSchedule.Cosine(30);
        var xt = Row(0.1, 0.2);
        var eps = Row(0.5, -0.5);
        var z = Row(1.0, -2.0);
        int t = 17;
        var mean = ReverseStep.Ddpm(schedule, xt, eps, t, zeros_like(z), clip: false, DdpmVariance.Beta);
        var noisy = ReverseStep.Ddpm(schedule, xt, eps, t, z, clip: false, DdpmVariance.Beta);
        Assert.True((noisy - mean).allclose(Math.Sqrt(schedule.Betas[t]) * z, rtol: 0, atol: 1e-12));
        var posterior = ReverseStep.Ddpm(schedule, xt, eps, t, z, clip: false, DdpmVariance.Posterior);
        Assert.True((posterior - mean).allclose(Math.Sqrt(schedule.PosteriorVariance[t]) * z, rtol: 0, atol: 1e-12));
        Assert.True(schedule.Betas[t] > schedule.PosteriorVariance[t]);
    }

    [Fact]
    public void A_clean_action_network_and_a_noise_network_that_agree_give_the_same_updates()
    {
        var schedule = NoiseSchedule.Cosine(100);
        var x0 = Row(0.25, -0.6);
        var xt = Row(0.9, 0.1);
        int t = 40;
        var eps = (xt - Math.Sqrt(schedule.AlphaBars[t]) * x0) / Math.Sqrt(1 - schedule.AlphaBars[t]); // the ε that x₀ implies
        var noise = Row(0.3, 0.7);
        foreach (var (byNoise, byAction) in new (Sampler, Sampler)[]
                 {
                     (new DdpmSampler(schedule, NetworkTarget.Noise, clipSample: false), new DdpmSampler(schedule, NetworkTarget.CleanAction, clipSample: false)),
                     (new DdimSampler(schedule, NetworkTarget.Noise, 10, clipSample: false), new DdimSampler(schedule, NetworkTarget.CleanAction, 10, clipSample: false)),
                 })
        {
            var step = byNoise.Steps.First(s => s.Time == t);
            var a = byNoise.Step(eps, step, xt, noise);
            var b = byAction.Step(x0, step, xt, noise);
            Assert.True(a.allclose(b, rtol: 0, atol: 1e-12), byNoise.Name);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new DdpmSampler(schedule, NetworkTarget.Velocity));
    }

    [Fact]
    public void Sampler_grids_say_where_the_network_is_evaluated()
    {
        var schedule = NoiseSchedule.Cosine(100);
        var ddpm = new DdpmSampler(schedule, NetworkTarget.Noise);
        Assert.Equal(100, ddpm.NetworkEvaluations);
        Assert.Equal((99.0, 98.0), (ddpm.Steps[0].Time, ddpm.Steps[0].NextTime));
        Assert.Equal((0.0, -1.0), (ddpm.Steps[^1].Time, ddpm.Steps[^1].NextTime));
        Assert.Equal("DDPM-100", ddpm.Name);
        var ddim = new DdimSampler(schedule, NetworkTarget.Noise, 10);
        Assert.Equal([90.0, 80, 70, 60, 50, 40, 30, 20, 10, 0], ddim.Steps.Select(s => s.Time));
        Assert.Equal(-1, ddim.Steps[^1].NextTime);
        Assert.False(ddim.AddsNoise);
        Assert.True(new DdimSampler(schedule, NetworkTarget.Noise, 10, eta: 0.5).AddsNoise);
    }

    [Fact]
    public void A_small_noise_level_count_works_with_the_default_sampler_and_ddim_steps_are_checked_only_for_ddim()
    {
        new DiffusionOptions(NoiseLevels: 5).Validate();                                   // DDPM: no DDIM step count involved
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DiffusionOptions(NoiseLevels: 5, Sampling: DiffusionSampling.Ddim(10)).Validate());
        Assert.Contains("between 1 and T = 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_spacing_starts_at_the_noisiest_level_where_leading_does_not()
    {
        Assert.Equal([0], ReverseStep.DdimTimesteps(100, 1, DdimSpacing.Leading));        // one step, evaluated at the cleanest level
        Assert.Equal([99], ReverseStep.DdimTimesteps(100, 1, DdimSpacing.Trailing));
        Assert.Equal([99, 89, 79, 69, 59, 49, 39, 29, 19, 9], ReverseStep.DdimTimesteps(100, 10, DdimSpacing.Trailing));
        Assert.Equal([99, 66, 32], ReverseStep.DdimTimesteps(100, 3, DdimSpacing.Trailing)); // round(100 − i·33.3) − 1
        var sampler = DiffusionSampling.Ddim(4, spacing: DdimSpacing.Trailing).Build(NoiseSchedule.Cosine(100), NetworkTarget.Noise);
        Assert.Equal("DDIM-4 (trailing)", sampler.Name);
        Assert.Equal(99, sampler.Steps[0].Time);
    }
}
