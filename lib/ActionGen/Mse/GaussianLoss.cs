using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.Mse;

/// <summary>
/// The negative log-likelihood of actions under N(a; μ, σ²I) with a fixed σ — the loss MSE regression secretly is:
/// −log N(a; μ, σ²I) = ‖a − μ‖² / (2σ²) + (D/2) log(2πσ²).
/// </summary>
public static class GaussianLoss
{
    /// <summary>Mean over the batch of −log N(a; μ, σ²I) for predictions and targets of shape [B, D].</summary>
    /// <exception cref="ArgumentException">Shapes differ or are not [B, D]; σ is not positive.</exception>
    public static torch.Tensor NegativeLogLikelihood(torch.Tensor predicted, torch.Tensor target, double sigma)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be positive.");
        if (predicted.dim() != 2 || !predicted.shape.SequenceEqual(target.shape))
            throw new ArgumentException($"Expected predictions and targets of the same shape [batch, dim], got [{string.Join(", ", predicted.shape)}] and [{string.Join(", ", target.shape)}].");
        long dim = predicted.shape[1];
        var squared = (target - predicted).square().sum(1);                     // ‖a − μ‖²
        var constant = 0.5 * dim * Math.Log(2 * Math.PI * sigma * sigma);       // (D/2) log(2πσ²)
        return (squared / (2 * sigma * sigma) + constant).mean();                // 1/B Σ [‖a − μ‖²/(2σ²) + (D/2) log(2πσ²)]
    }
}
