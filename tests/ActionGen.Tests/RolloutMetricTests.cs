using ActionGen.Rollouts;
using ActionGen.Tasks;

namespace ActionGen.Tests;

public class RolloutMetricTests
{
    [Theory]
    [InlineData(new[] { 50, 50 }, 1.0)]
    [InlineData(new[] { 100, 0 }, 0.0)]
    [InlineData(new[] { 0, 0 }, 0.0)]
    [InlineData(new[] { 10, 10, 10, 10 }, 1.0)]
    public void Normalised_mode_entropy_has_its_known_values(int[] counts, double expected) =>
        Assert.Equal(expected, ModeStatistics.NormalizedEntropy(counts), 12);

    [Fact]
    public void A_three_to_one_split_has_the_entropy_of_the_formula()
    {
        double p = 0.75, q = 0.25;
        double expected = -(p * Math.Log(p) + q * Math.Log(q)) / Math.Log(2);
        Assert.Equal(expected, ModeStatistics.NormalizedEntropy([75, 25]), 12);
    }

    [Fact]
    public void Metrics_count_collisions_successes_and_modes()
    {
        Vec2[] straight = [new(0, 0), new(0, 1)];
        var rollouts = new List<Rollout>
        {
            new(straight, Collided: false, ReachedGoal: true, PassSide.Left),
            new(straight, Collided: false, ReachedGoal: true, PassSide.Right),
            new(straight, Collided: true, ReachedGoal: false, PassSide.Other),
            new(straight, Collided: false, ReachedGoal: false, PassSide.Other),
        };
        var metrics = RolloutMetrics.Of(rollouts);
        Assert.Equal(0.25, metrics.CollisionRate);
        Assert.Equal(0.5, metrics.SuccessRate);
        Assert.Equal((1, 1, 2), (metrics.Left, metrics.Right, metrics.Other));
        Assert.Equal(1, metrics.ModeEntropy, 12);
        Assert.Equal(1, metrics.MeanPathLength, 12);
        Assert.Equal(0, metrics.MeanTurn);
    }

    [Fact]
    public void A_right_angle_turn_is_measured_in_radians()
    {
        var rollout = new Rollout([new(0, 0), new(1, 0), new(1, 1)], false, false, PassSide.Other);
        Assert.Equal(Math.PI / 2, rollout.MeanTurn, 12);
    }
}
