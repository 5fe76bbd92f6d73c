using ActionGen.Tasks;

namespace ActionGen.Rollouts;

/// <summary>One closed-loop episode in the obstacle scene.</summary>
/// <param name="Path">Every position visited, the start first.</param>
/// <param name="Collided">True when a step entered the obstacle (the episode ended there).</param>
/// <param name="ReachedGoal">True when it reached the goal without colliding.</param>
/// <param name="Side">The side it passed the obstacle on (Other for collisions and stalls).</param>
public sealed record Rollout(IReadOnlyList<Vec2> Path, bool Collided, bool ReachedGoal, PassSide Side)
{
    /// <summary>Length of the path travelled.</summary>
    public double PathLength => Path.Zip(Path.Skip(1), (a, b) => (b - a).Length).Sum();

    /// <summary>
    /// Smoothness: the mean absolute change of heading between consecutive steps, in radians (0 for a straight line).
    /// </summary>
    public double MeanTurn
    {
        get
        {
            var headings = Path.Zip(Path.Skip(1), (a, b) => b - a).Where(d => d.Length > 1e-9).Select(d => Math.Atan2(d.Y, d.X)).ToList();
            if (headings.Count < 2) return 0;
            return headings.Zip(headings.Skip(1), (h0, h1) => Math.Abs(Math.IEEERemainder(h1 - h0, 2 * Math.PI))).Average();
        }
    }
}
