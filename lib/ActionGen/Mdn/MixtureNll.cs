using ActionGen.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Mdn;

/// <summary>
/// The negative log-likelihood of targets under a diagonal Gaussian mixture
/// p(a) = Σₖ πₖ N(a; μₖ, diag σₖ²), with πₖ = softmax(logits)ₖ, given per row:
/// weight logits [B, K], means [B, K, D], log-standard-deviations [B, K, D], targets [B, D]. Returns [B].
/// </summary>
public static class MixtureNll
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>
    /// The stable recipe: log πₖ by log-softmax, log N per component in log space, then log-sum-exp over components —
    /// finite for targets far from every mean, extreme logits and tiny σ.
    /// </summary>
    public static Tensor Stable(Tensor logits, Tensor means, Tensor logStd, Tensor targets)
    {
        Validate(logits, means, logStd, targets);
        var logWeights = nn.functional.log_softmax(logits, 1);                                  // log πₖ
        var z = (targets.unsqueeze(1) - means) * torch.exp(-logStd);                         // (a − μₖ) / σₖ, [B, K, D]
        var logDensity = (-0.5 * z.square() - logStd - HalfLogTwoPi).sum(2);                 // log N(a; μₖ, σₖ²) = Σ_d [−½z² − log σ − ½ log 2π]
        return -torch.logsumexp(logWeights + logDensity, 1);                                 // −log Σₖ exp(log πₖ + log Nₖ)
    }

    /// <summary>
    /// The naive recipe, kept to show how it fails: softmax weights, densities in probability space (a product of
    /// per-dimension densities), then the log of their weighted sum. Underflows to log 0 = −∞ for distant targets and
    /// overflows for small σ in many dimensions.
    /// </summary>
    public static Tensor Naive(Tensor logits, Tensor means, Tensor logStd, Tensor targets)
    {
        Validate(logits, means, logStd, targets);
        var weights = nn.functional.softmax(logits, 1);                                         // πₖ
        var std = torch.exp(logStd);                                                         // σₖ
        var z = (targets.unsqueeze(1) - means) / std;
        var density = (torch.exp(-0.5 * z.square()) / (std * Math.Sqrt(2 * Math.PI))).prod(2); // Π_d N(a_d; μ, σ)
        return -torch.log((weights * density).sum(1));                                       // −log Σₖ πₖ Nₖ
    }

    /// <summary>Checks the four shapes agree: logits [B, K], means and log σ [B, K, D], targets [B, D].</summary>
    /// <exception cref="ArgumentException">The first mismatch, naming expected and actual shapes.</exception>
    public static void Validate(Tensor logits, Tensor means, Tensor logStd, Tensor targets)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(logStd);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.dim() != 2) throw new ArgumentException($"Expected targets of shape [B, D], got {Shape(targets)}.", nameof(targets));
        long b = targets.shape[0], d = targets.shape[1];
        if (logits.dim() != 2 || logits.shape[0] != b) throw new ArgumentException($"Expected weight logits of shape [{b}, K], got {Shape(logits)}.", nameof(logits));
        long k = logits.shape[1];
        if (!means.shape.SequenceEqual([b, k, d])) throw new ArgumentException($"Expected means of shape [{b}, {k}, {d}], got {Shape(means)}.", nameof(means));
        if (!logStd.shape.SequenceEqual([b, k, d])) throw new ArgumentException($"Expected log-standard-deviations of shape [{b}, {k}, {d}], got {Shape(logStd)}.", nameof(logStd));
    }

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
