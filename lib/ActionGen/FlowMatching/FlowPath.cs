using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.FlowMatching;

/// <summary>
/// The linear probability path of rectified flow / conditional optimal transport (Liu et al. 2023; Lipman et al. 2023),
/// in the convention τ = 0 noise, τ = 1 data: x_τ = (1 − τ) x₀ + τ a with x₀ ~ N(0, I), whose velocity along the path
/// is the constant a − x₀. (π0 writes the same path with t = 1 − τ: x_t = t ε + (1 − t) a and target ε − a.)
/// </summary>
public static class FlowPath
{
    /// <summary>x_τ = (1 − τ) x₀ + τ a for noise <paramref name="noise"/> [B, D], actions [B, D] and times [B] (or a scalar).</summary>
    public static torch.Tensor Interpolate(torch.Tensor noise, torch.Tensor actions, torch.Tensor times)
    {
        TorchRuntime.Initialize();
        Check(noise, actions, times);
        var tau = times.dim() == 0 ? times : times.unsqueeze(1);
        return (1 - tau) * noise + tau * actions;                                                  // x_τ = (1 − τ) x₀ + τ a
    }

    /// <summary>The conditional velocity dx_τ/dτ = a − x₀ (the regression target).</summary>
    public static torch.Tensor TargetVelocity(torch.Tensor noise, torch.Tensor actions)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(actions);
        if (!noise.shape.SequenceEqual(actions.shape))
            throw new ArgumentException($"Expected noise shaped like the actions [{string.Join(", ", actions.shape)}], got [{string.Join(", ", noise.shape)}].", nameof(noise));
        return actions - noise;                                                                    // u = a − x₀
    }

    private static void Check(torch.Tensor noise, torch.Tensor actions, torch.Tensor times)
    {
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(times);
        if (!noise.shape.SequenceEqual(actions.shape) || actions.dim() != 2)
            throw new ArgumentException($"Expected noise and actions of the same shape [B, D], got [{string.Join(", ", noise.shape)}] and [{string.Join(", ", actions.shape)}].", nameof(noise));
        if (!(times.dim() == 0 || (times.dim() == 1 && times.shape[0] == actions.shape[0])))
            throw new ArgumentException($"Expected one time per row ([{actions.shape[0]}]) or a scalar, got [{string.Join(", ", times.shape)}].", nameof(times));
    }
}
