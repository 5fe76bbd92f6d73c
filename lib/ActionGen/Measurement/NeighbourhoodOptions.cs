using ActionGen.Policies;

namespace ActionGen.Measurement;

/// <summary>
/// Which training states count as "near" a test state, and so whose next chunks are the nearby human chunks.
/// Distances are Euclidean in the normalised state space: each state column mapped to [−1, 1] by the training set's
/// min-max statistics (the policies' own input normalisation).
/// </summary>
/// <param name="Radius">The largest normalised distance ‖z(s) − z(s′)‖ of a neighbour. For Push-T's six numbers one
/// workspace unit is about 1/240 (positions span ~480 units) and the angle enters through (cos θ, sin θ), so 0.1 is
/// about 24 units of agent or block displacement, or 0.1 rad of block rotation.</param>
/// <param name="MaxNeighbours">At most this many neighbours, the nearest first.</param>
/// <param name="MinNeighbours">A test state with fewer neighbours within the radius is reported as not measured.</param>
/// <param name="OnePerEpisode">Take at most one state — the nearest — from each training episode, so neighbours are
/// independent demonstrations rather than consecutive steps of one (which would look like a tight, well-supported mode).</param>
public sealed record NeighbourhoodOptions(double Radius = 0.1, int MaxNeighbours = 20, int MinNeighbours = 4, bool OnePerEpisode = true)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        OptionChecks.Positive(Radius, nameof(Radius));
        if (MinNeighbours < 2) throw new ArgumentOutOfRangeException(nameof(MinNeighbours), MinNeighbours, "MinNeighbours must be at least 2: clusters and pairwise distances need two chunks.");
        if (MaxNeighbours < MinNeighbours) throw new ArgumentOutOfRangeException(nameof(MaxNeighbours), MaxNeighbours, $"MaxNeighbours must be at least MinNeighbours ({MinNeighbours}).");
    }
}
