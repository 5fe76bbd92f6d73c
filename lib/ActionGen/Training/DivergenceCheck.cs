using TorchSharp;

namespace ActionGen.Training;

/// <summary>
/// Tells a diverged run from a working one when every value is still finite. Two signs, each far outside what a
/// working run of the series shows: the weights' norm grows more than <see cref="NormGrowthLimit"/>-fold from its
/// start, or the mean loss of the last tenth of the run exceeds the first tenth's by more than
/// <see cref="LossRiseLimit"/> × max(1, |first|). Either means the learning rate is far too high.
/// </summary>
internal sealed class DivergenceCheck
{
    /// <summary>How many times the starting weight norm the weights may reach.</summary>
    public const double NormGrowthLimit = 1000;

    /// <summary>How far, in units of max(1, |early loss|), the late loss may rise above the early loss.</summary>
    public const double LossRiseLimit = 10;

    private readonly IReadOnlyList<torch.Tensor> parameters;
    private readonly double startNorm;

    public DivergenceCheck(IReadOnlyList<torch.Tensor> parameters)
    {
        this.parameters = parameters;
        startNorm = Norm();
    }

    /// <summary>Null while the run looks healthy; otherwise what went wrong (non-finite weights are reported by <see cref="NonFiniteWeights"/>).</summary>
    public string? Diverged(IReadOnlyList<double> losses)
    {
        double norm = Norm();
        if (double.IsFinite(norm) && norm > NormGrowthLimit * Math.Max(startNorm, 1e-6))
            return FormattableString.Invariant($"the weights' norm grew from {startNorm:G3} to {norm:G3} (more than {NormGrowthLimit:G}×)");
        int window = Math.Clamp(losses.Count / 10, 1, 50);
        if (losses.Count < 2 * window) return null;
        double early = losses.Take(window).Average(), late = losses.Skip(losses.Count - window).Average();
        if (late > early + LossRiseLimit * Math.Max(1, Math.Abs(early)))
            return FormattableString.Invariant($"the loss rose from {early:G4} (first {window} steps) to {late:G4} (last {window})");
        return null;
    }

    /// <summary>True when any weight is NaN or infinite.</summary>
    public bool NonFiniteWeights() => !double.IsFinite(Norm());

    private double Norm()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        double sum = 0;
        foreach (var p in parameters) sum += p.detach().to(torch.float64).square().sum().item<double>(); // ‖θ‖² = Σ θ²
        return Math.Sqrt(sum);
    }
}
