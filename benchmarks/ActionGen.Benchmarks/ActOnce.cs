using ActionGen.Policies;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>The call every sampling benchmark times: one <see cref="IPolicy.Act"/> on a batch, its result read back.</summary>
internal static class ActOnce
{
    /// <summary>Acts on <paramref name="observations"/> and returns the first number, so the work cannot be skipped.</summary>
    public static float Run(IPolicy policy, torch.Tensor observations)
    {
        using var actions = policy.Act(observations);
        return actions[0, 0].item<float>();
    }
}
