using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.FlowMatching;

/// <summary>Draws training times τ for flow matching from a seeded generator.</summary>
public static class FlowTimes
{
    /// <summary>
    /// <paramref name="count"/> times τ ∈ [0, 1]. π0's Beta(1.5, 1) has CDF F(t) = t^1.5, so t = u^(2/3) for u ~ U(0, 1)
    /// (inverse transform), scaled as π0 does to t·0.999 + 0.001, and τ = 1 − t.
    /// </summary>
    public static torch.Tensor Sample(FlowTimeSampling sampling, long count, torch.Device? device = null, torch.Generator? generator = null)
    {
        TorchRuntime.Initialize();
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var u = torch.rand([count], dtype: torch.float32, device: device, generator: generator);   // u ~ U(0, 1)
        return sampling switch
        {
            FlowTimeSampling.Uniform => u,
            FlowTimeSampling.Pi0Beta => 1 - (u.pow(2.0 / 3.0) * 0.999 + 0.001),                  // τ = 1 − (0.999 · u^(2/3) + 0.001)
            _ => throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "Unknown time sampling."),
        };
    }
}
