using ActionGen.Policies;

namespace ActionGen.Comparison;

/// <summary>The policy a comparison column acts with; disposing it disposes a view, never the trained policy it looks at.</summary>
public sealed class ActingPolicy : IDisposable
{
    private readonly bool ownsView;

    internal ActingPolicy(IPolicy policy, bool ownsView)
    {
        Policy = policy;
        this.ownsView = ownsView;
    }

    /// <summary>The policy that acts.</summary>
    public IPolicy Policy { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsView) Policy.Dispose();
    }
}
