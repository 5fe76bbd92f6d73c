using System.Globalization;
using ActionGen.Tasks;

namespace ActionGen.Rollouts;

/// <summary>Closed-loop metrics of a set of rollouts in the obstacle scene.</summary>
/// <param name="Count">Rollouts.</param>
/// <param name="CollisionRate">Fraction that entered the obstacle.</param>
/// <param name="SuccessRate">Fraction that reached the goal without colliding.</param>
/// <param name="Left">Successful rollouts that passed left.</param>
/// <param name="Right">Successful rollouts that passed right.</param>
/// <param name="Other">Rollouts that collided, stalled, or never reached the obstacle's height.</param>
/// <param name="ModeEntropy">Normalised entropy of the left/right histogram over successful rollouts (1 = both sides equally).</param>
/// <param name="MeanPathLength">Mean path length of successful rollouts (NaN when none succeeded).</param>
/// <param name="MeanTurn">Mean heading change per step over all rollouts, radians: lower is smoother.</param>
public sealed record RolloutMetrics(int Count, double CollisionRate, double SuccessRate, int Left, int Right, int Other, double ModeEntropy, double MeanPathLength, double MeanTurn)
{
    /// <summary>Computes the metrics of <paramref name="rollouts"/>.</summary>
    public static RolloutMetrics Of(IReadOnlyList<Rollout> rollouts)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        if (rollouts.Count == 0) throw new ArgumentException("No rollouts to measure.", nameof(rollouts));
        var successes = rollouts.Where(r => r.ReachedGoal).ToList();
        int left = successes.Count(r => r.Side == PassSide.Left);
        int right = successes.Count(r => r.Side == PassSide.Right);
        return new RolloutMetrics(
            rollouts.Count,
            rollouts.Count(r => r.Collided) / (double)rollouts.Count,
            successes.Count / (double)rollouts.Count,
            left, right, rollouts.Count - left - right,
            ModeStatistics.NormalizedEntropy([left, right]),
            successes.Count == 0 ? double.NaN : successes.Average(r => r.PathLength),
            rollouts.Average(r => r.MeanTurn));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} rollouts: collision {CollisionRate:P0}, success {SuccessRate:P0}, left {Left} / right {Right} / other {Other}, mode entropy {ModeEntropy:F2}, path {MeanPathLength:F2}, turn {MeanTurn:F3} rad/step");
}
