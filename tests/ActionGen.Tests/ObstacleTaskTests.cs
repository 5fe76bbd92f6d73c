using ActionGen.Tasks;

namespace ActionGen.Tests;

public class ObstacleTaskTests
{
    private static readonly ObstacleScene Scene = ObstacleScene.Default;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Experts_never_collide_and_always_reach_the_goal(int seed)
    {
        var demos = ObstacleDemonstrations.Generate(200, seed);
        foreach (var demo in demos)
        {
            var path = demo.Path;
            for (int i = 1; i < path.Count; i++) Assert.False(Scene.SegmentCollides(path[i - 1], path[i]), $"episode {demo.Episode} step {i}");
            Assert.True(Scene.ReachedGoal(path[^1]));
            Assert.Equal(demo.Side, Scene.ClassifyPass(path, collided: false));
            Assert.All(demo.Actions, a => Assert.True(a.Length <= Scene.MaxStep * (1 + 1e-12), $"action {a} longer than {Scene.MaxStep}"));
        }
    }

    [Theory]
    [InlineData(1000, 0.7, 700)]
    [InlineData(100, 0.5, 50)]
    [InlineData(7, 0.5, 4)]
    public void Exactly_the_requested_share_of_experts_pass_left_in_a_seeded_order(int episodes, double leftFraction, int expectedLeft)
    {
        var demos = ObstacleDemonstrations.Generate(episodes, seed: 5, leftFraction: leftFraction);
        Assert.Equal(expectedLeft, demos.Count(d => d.Side == PassSide.Left));
        var other = ObstacleDemonstrations.Generate(episodes, seed: 6, leftFraction: leftFraction);
        if (episodes > 10) Assert.NotEqual(demos.Select(d => d.Side), other.Select(d => d.Side));
    }

    [Fact]
    public void Both_modes_share_the_approach_and_split_at_the_decision_point()
    {
        var expert = new ObstacleExpert(Scene);
        var random = new Random(0);
        var below = new Vec2(0.01, -0.8);
        Assert.Equal(expert.Act(below, PassSide.Left, new Random(1)), expert.Act(below, PassSide.Right, new Random(1)));
        var atDecision = expert.DecisionPoint + new Vec2(0, 0.01);
        Assert.True(expert.Act(atDecision, PassSide.Left, random).X < -0.03);
        Assert.True(expert.Act(atDecision, PassSide.Right, random).X > 0.03);
    }

    [Fact]
    public void The_same_seed_gives_identical_demonstrations()
    {
        var a = ObstacleDemonstrations.Generate(5, seed: 9);
        var b = ObstacleDemonstrations.Generate(5, seed: 9);
        Assert.Equal(a.SelectMany(d => d.Actions), b.SelectMany(d => d.Actions));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObstacleDemonstrations.Generate(0, 1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ObstacleDemonstrations.Generate(3, 1, leftFraction: 1.5));
        Assert.Contains("[0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_through_the_obstacle_collides_and_one_around_it_does_not()
    {
        Assert.True(Scene.SegmentCollides(new Vec2(0, -1), new Vec2(0, 1)));
        Assert.False(Scene.SegmentCollides(new Vec2(-0.5, -1), new Vec2(-0.5, 1)));
        Assert.True(Scene.Collides(new Vec2(0.1, 0.1)));
    }

    [Fact]
    public void Passes_are_classified_by_the_side_at_the_obstacle_height()
    {
        Vec2[] left = [new(0, -1), new(-0.4, -0.2), new(-0.45, 0.05), new(0, 1)];
        Vec2[] stalled = [new(0, -1), new(0, -0.8)];
        Assert.Equal(PassSide.Left, Scene.ClassifyPass(left, collided: false));
        Assert.Equal(PassSide.Other, Scene.ClassifyPass(left, collided: true));
        Assert.Equal(PassSide.Other, Scene.ClassifyPass(stalled, collided: false));
    }

    [Fact]
    public void The_bimodal_toy_has_both_branches_and_a_zero_conditional_mean()
    {
        var toy = new BimodalToy();
        var (s, a) = toy.Sample(4000, seed: 3);
        int upper = a.Count(x => x > 0);
        Assert.InRange(upper / 4000.0, 0.46, 0.54);
        Assert.All(s.Zip(a), p => Assert.InRange(Math.Abs(p.Second) - BimodalToy.Branch(p.First), -0.15, 0.15));
        Assert.Equal(0, toy.ConditionalMean(0.3), 12);
        Assert.Equal(0.4 * BimodalToy.Branch(0.5), new BimodalToy(UpperFraction: 0.7).ConditionalMean(0.5), 12);
    }
}
