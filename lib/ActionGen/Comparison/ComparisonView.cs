using ActionGen.Policies;

namespace ActionGen.Comparison;

/// <summary>One column of the comparison: a trained method seen through one sampler (e.g. diffusion with DDIM-10).</summary>
/// <param name="Name">The sampler's label, e.g. "DDIM-10"; empty for a method with a single way to act.</param>
/// <param name="Select">Turns the trained policy into the policy that acts (a <c>WithSampling</c> view, or the policy itself).</param>
public sealed record ComparisonView(string Name, Func<Policy, IPolicy> Select)
{
    /// <summary>The policy as trained.</summary>
    public static ComparisonView AsTrained { get; } = new("", p => p);

    /// <summary>
    /// The policy that acts for this column, to be disposed after use: disposing it ends a view and leaves
    /// <paramref name="trained"/> alone (its owner disposes it).
    /// </summary>
    public ActingPolicy Open(Policy trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var acting = Select(trained);
        return new ActingPolicy(acting, !ReferenceEquals(acting, trained));
    }
}
