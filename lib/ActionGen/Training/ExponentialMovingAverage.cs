using TorchSharp;

namespace ActionGen.Training;

/// <summary>
/// An exponential moving average of a network's weights with Diffusion Policy's warm-up: at optimiser step n the decay
/// is min(1 − (1 + n)^−power, max decay), so early steps follow the weights closely and later ones average over more.
/// </summary>
public sealed class ExponentialMovingAverage(torch.nn.Module source, torch.nn.Module shadow, double power, double maxDecay = 0.9999)
{
    /// <summary>The averaged copy.</summary>
    public torch.nn.Module Shadow { get; } = shadow;

    /// <summary>The decay at 1-based step <paramref name="step"/>: 1 − (1 + step)^−power, capped.</summary>
    public double DecayAt(int step) => Math.Clamp(1 - Math.Pow(1 + step, -power), 0, maxDecay);

    /// <summary>Copies the source weights into the shadow (at the start).</summary>
    public void Reset()
    {
        using var noGrad = torch.no_grad();
        foreach (var (s, t) in source.parameters().Zip(Shadow.parameters())) t.copy_(s);
    }

    /// <summary>Copies the shadow's weights into the source (after a model file filled the shadow).</summary>
    public void CopyShadowToSource()
    {
        using var noGrad = torch.no_grad();
        foreach (var (s, t) in source.parameters().Zip(Shadow.parameters())) s.copy_(t);
    }

    /// <summary>θ_ema ← d · θ_ema + (1 − d) · θ after step <paramref name="step"/>.</summary>
    public void Update(int step)
    {
        double decay = DecayAt(step);
        using var noGrad = torch.no_grad();
        foreach (var (s, t) in source.parameters().Zip(Shadow.parameters())) t.mul_(decay).add_(s, alpha: 1 - decay);
    }
}
