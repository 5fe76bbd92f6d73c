using ActionGen.Tasks;

namespace ActionGen.Tests;

public class BimanualRoutesTaskTests
{
    private static double[][] Rows(ActionGen.Data.ActionDataset data) =>
        Enumerable.Range(0, data.Count).Select(i => Enumerable.Range(0, data.ActionDim).Select(c => data.Actions[i, c]).ToArray()).ToArray();

    private static double[] Contexts(ActionGen.Data.ActionDataset data) => Enumerable.Range(0, data.Count).Select(i => data.Observations[i, 0]).ToArray();

    [Fact]
    public void Demonstrations_are_valid_avoid_every_obstacle_and_cover_every_joint_mode()
    {
        var task = new BimanualRoutesTask(Arms: 2, JointsPerArm: 7, Horizon: 16, Choices: 2);
        Assert.Equal(224, task.ActionDim);
        Assert.Equal(16, task.ModeCount);
        var data = task.Sample(2000, seed: 0);
        var (coverage, through) = task.Classify(Contexts(data), Rows(data));
        Assert.True(coverage.ValidFraction > 0.99, coverage.ToString());
        Assert.Equal(16, coverage.DistinctModes);
        Assert.True(coverage.ModeEntropy > 0.98);
        Assert.Equal(0, through);
    }

    [Fact]
    public void The_average_of_two_routes_is_invalid_and_goes_through_the_obstacle_while_each_route_is_valid()
    {
        var task = new BimanualRoutesTask();                                        // 2 arms, 1 obstacle each: 4 joint modes
        double s = 0.3;
        var left = task.Route(s, [[-1], [1]]);
        var right = task.Route(s, [[1], [1]]);
        var mean = left.Zip(right, (a, b) => (a + b) / 2).ToArray();               // what MSE would predict at a 50/50 split
        var (routes, routesThrough) = task.Classify([s, s], [left, right]);
        var (average, averageThrough) = task.Classify([s], [mean]);
        Assert.Equal(1, routes.ValidFraction);
        Assert.Equal(2, routes.DistinctModes);
        Assert.Equal(0, routesThrough);
        Assert.Equal(0, average.ValidFraction);
        Assert.Equal(1, averageThrough);
    }

    [Fact]
    public void Shapes_and_parameters_are_checked_with_clear_messages()
    {
        Assert.Equal("Horizon", Assert.Throws<ArgumentOutOfRangeException>(() => new BimanualRoutesTask(Horizon: 15, Choices: 2).Validate()).ParamName);
        var task = new BimanualRoutesTask();
        Assert.Contains("Expected 224-D actions, got 3-D at row 0", Assert.Throws<ArgumentException>(() => task.Classify([0.0], [[1, 2, 3]])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => task.Route(0, [[2], [1]]));
    }
}
