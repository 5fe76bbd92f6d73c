using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Tests;

public class MixtureNllTests
{
    private static Tensor T(double[] values, params long[] shape) => tensor(values, dtype: float64).reshape(shape);

    [Fact]
    public void One_component_equals_the_gaussian_nll_written_from_the_formula()
    {
        double[] mu = [0.3, -1.2], sigma = [0.5, 2.0], a = [1.0, 0.4];
        // −log N(a; μ, diag σ²) = Σ_d [ (a−μ)²/(2σ²) + log σ + ½ log 2π ]
        double expected = Enumerable.Range(0, 2).Sum(d => Math.Pow(a[d] - mu[d], 2) / (2 * sigma[d] * sigma[d]) + Math.Log(sigma[d]) + 0.5 * Math.Log(2 * Math.PI));
        var nll = MixtureNll.Stable(T([7.0], 1, 1), T(mu, 1, 1, 2), T(sigma.Select(x => Math.Log(x)).ToArray(), 1, 1, 2), T(a, 1, 2));
        Assert.Equal(expected, nll.item<double>(), 12);
        var viaGaussian = GaussianLoss.NegativeLogLikelihood(T(mu, 1, 2), T(a, 1, 2), sigma: 1.0);
        var nllUnit = MixtureNll.Stable(T([0.0], 1, 1), T(mu, 1, 1, 2), T([0.0, 0.0], 1, 1, 2), T(a, 1, 2));
        Assert.Equal(viaGaussian.item<double>(), nllUnit.item<double>(), 12);
    }

    [Fact]
    public void A_hand_built_two_component_mixture_matches_the_formula()
    {
        // π = softmax(0, log 3) = (¼, ¾); 1-D components N(−1, 0.5²) and N(2, 1²); target 0.5.
        static double Normal(double x, double m, double s) => Math.Exp(-0.5 * Math.Pow((x - m) / s, 2)) / (s * Math.Sqrt(2 * Math.PI));
        double expected = -Math.Log(0.25 * Normal(0.5, -1, 0.5) + 0.75 * Normal(0.5, 2, 1));
        var logits = T([0.0, Math.Log(3)], 1, 2);
        var means = T([-1.0, 2.0], 1, 2, 1);
        var logStd = T([Math.Log(0.5), 0.0], 1, 2, 1);
        var target = T([0.5], 1, 1);
        Assert.Equal(expected, MixtureNll.Stable(logits, means, logStd, target).item<double>(), 12);
        Assert.Equal(expected, MixtureNll.Naive(logits, means, logStd, target).item<double>(), 10);
    }

    public static TheoryData<string, double, double, double> ExtremeInputs() => new()
    {
        { "target 1000 σ from every mean", 1000.0, 0.0, 0.0 },
        { "logits of ±10⁴", 0.5, 1e4, 0.0 },
        { "σ at 1e-4", 0.01, 0.0, Math.Log(1e-4) },
    };

    [Theory]
    [MemberData(nameof(ExtremeInputs))]
    public void The_stable_nll_and_its_gradient_stay_finite_on_extreme_inputs(string name, double targetOffset, double logitScale, double logStdValue)
    {
        // float32, as in training; two components in 16 dimensions.
        var logits = tensor(new float[] { (float)logitScale, (float)-logitScale }).reshape(1, 2).requires_grad_();
        var means = zeros(1, 2, 16).requires_grad_();
        var logStd = full(new long[] { 1, 2, 16 }, logStdValue, float32).requires_grad_();
        var sigma = Math.Exp(logStdValue);
        var target = full(new long[] { 1, 16 }, targetOffset * (targetOffset > 1 ? sigma : 1), float32);

        var nll = MixtureNll.Stable(logits, means, logStd, target);
        nll.sum().backward();
        Assert.True(double.IsFinite(nll.item<float>()), $"{name}: NLL {nll.item<float>()}");
        foreach (var (label, grad) in new[] { ("logits", logits.grad!), ("means", means.grad!), ("log σ", logStd.grad!) })
            Assert.True(grad.isfinite().all().item<bool>(), $"{name}: gradient of {label} is not finite");
    }

    [Fact]
    public void The_naive_nll_is_not_finite_on_at_least_one_extreme_input()
    {
        var nonFinite = new List<string>();
        foreach (var row in ExtremeInputs())
        {
            var (name, offset, scale, logStdValue) = ((string)row[0], (double)row[1], (double)row[2], (double)row[3]);
            var sigma = Math.Exp(logStdValue);
            var nll = MixtureNll.Naive(tensor(new float[] { (float)scale, (float)-scale }).reshape(1, 2), zeros(1, 2, 16),
                full(new long[] { 1, 2, 16 }, logStdValue, float32), full(new long[] { 1, 16 }, offset * (offset > 1 ? sigma : 1), float32));
            if (!double.IsFinite(nll.item<float>())) nonFinite.Add(name);
        }
        Assert.NotEmpty(nonFinite);
    }

    [Fact]
    public void Shape_mismatches_name_expected_and_actual_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => MixtureNll.Stable(zeros(4, 3), zeros(4, 2, 5), zeros(4, 3, 5), zeros(4, 5)));
        Assert.Contains("Expected means of shape [4, 3, 5], got [4, 2, 5]", error.Message, StringComparison.Ordinal);
        var targets = Assert.Throws<ArgumentException>(() => MixtureNll.Stable(zeros(4, 3), zeros(4, 3, 5), zeros(4, 3, 5), zeros(4)));
        Assert.Contains("Expected targets of shape [B, D], got [4]", targets.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampled_components_follow_the_weights()
    {
        manual_seed(123);
        const int n = 20000;
        // Three well-separated 1-D components at −10, 0, 10 with weights 0.2, 0.5, 0.3.
        var logits = log(tensor(new[] { 0.2f, 0.5f, 0.3f })).expand(n, 3);
        var means = tensor(new[] { -10f, 0f, 10f }).reshape(1, 3, 1).expand(n, 3, 1);
        var logStd = full(new long[] { n, 3, 1 }, Math.Log(0.1), float32);
        var samples = MixtureSampler.Sample(new MixtureParameters(logits, means, logStd), MixtureSampling.Sample).squeeze(1);
        double[] shares = [samples.lt(-5).to(float64).mean().item<double>(), samples.abs().lt(5).to(float64).mean().item<double>(), samples.gt(5).to(float64).mean().item<double>()];
        // ± 4 standard errors: √(p(1−p)/n) ≤ 0.0036
        Assert.Equal(0.2, shares[0], 0.015);
        Assert.Equal(0.5, shares[1], 0.015);
        Assert.Equal(0.3, shares[2], 0.015);
        var best = MixtureSampler.Sample(new MixtureParameters(logits, means, logStd), MixtureSampling.MostLikelyMean);
        Assert.True(best.eq(0).all().item<bool>());
    }
}
