using ActionGen.Measurement;
using ActionGen.Mse;
using ActionGen.Data;

namespace ActionGen.Tests;

public class NearbyChunksTests
{
    /// <summary>
    /// Training states on a line y = 0 (x = 0 … 10, normalised to [−1, 1] so 1 unit of x is 0.2), in 4 episodes.
    /// Near x = 0 the episodes' chunks go up or down (two modes); near x = 10 they all go right (one mode).
    /// </summary>
    private static NearbyChunks Index(NeighbourhoodOptions? options = null)
    {
        var states = new List<double[]>();
        var episodes = new List<int>();
        var chunks = new List<double[]>();
        for (int e = 0; e < 4; e++)
        {
            foreach (double x in new[] { 0.0, 0.1 * e, 10.0 - 0.1 * e })
            {
                states.Add([x, 0]);
                episodes.Add(e);
                double dy = x < 5 ? (e % 2 == 0 ? 10 : -10) : 0;
                chunks.Add([x + 0.1 * e, dy, x + 1, dy + 0.1 * e]);
            }
        }
        var matrix = new double[states.Count, 2];
        for (int r = 0; r < states.Count; r++) (matrix[r, 0], matrix[r, 1]) = (states[r][0], states[r][1]);
        return new NearbyChunks(matrix, episodes, chunks, stepDim: 2, options ?? new NeighbourhoodOptions(Radius: 0.1, MinNeighbours: 4));
    }

    [Fact]
    public void Neighbours_lie_within_the_radius_in_normalised_space_one_per_episode_nearest_first()
    {
        var nearby = Index();
        var around = nearby.Around([0.05, 0]);
        Assert.Equal(4, around.Count);                                         // 4 episodes, each with two states near x = 0
        Assert.True(around.Measured);
        Assert.Equal(around.Distances.Order(), around.Distances);
        Assert.All(around.Distances, d => Assert.True(d <= 0.1));
        Assert.Equal(0.2 * 0.05, nearby.Distance([0.05, 0], [0, 0]), 12);        // x spans [0, 10] → half-range 5
        Assert.Equal(0, nearby.Around([5, 0]).Count);
        Assert.False(nearby.Around([5, 0]).Measured);

        var all = nearby.With(new NeighbourhoodOptions(Radius: 0.1, MinNeighbours: 4, OnePerEpisode: false)).Around([0.05, 0]);
        Assert.Equal(8, all.Count);                                             // both states of every episode
        Assert.Equal(3, nearby.With(new NeighbourhoodOptions(Radius: 0.1, MaxNeighbours: 3, MinNeighbours: 2)).Around([0.05, 0]).Count);
        Assert.Contains("a state of 2 numbers", Assert.Throws<ArgumentException>(() => nearby.Around([1.0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_measurement_calls_the_up_or_down_state_multimodal_the_rightward_one_not_and_the_empty_one_unmeasured()
    {
        var report = MultimodalityMeasurement.Measure(Index(), [[0.05, 0], [9.9, 0], [5, 0]]);
        Assert.True(report.States[0].IsMultimodal);
        Assert.Equal(2, report.States[0].Split!.ClusterCount);
        Assert.False(report.States[1].IsMultimodal);
        Assert.True(report.States[1].Measured);
        Assert.False(report.States[2].Measured);
        Assert.Equal((2, 1, 0.5), (report.Measured, report.Multimodal, report.Share));
        Assert.Equal(2.0 / 3, report.Coverage, 12);
        Assert.Contains("radius 0.1: 1 of 2 measured states multimodal", report.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 20, 4, "Radius")]
    [InlineData(0.1, 20, 1, "MinNeighbours")]
    [InlineData(0.1, 3, 4, "MaxNeighbours")]
    public void Neighbourhood_options_out_of_range_are_rejected_by_name(double radius, int max, int min, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new NeighbourhoodOptions(radius, max, min).Validate()).ParamName);
    }

    [Fact]
    public void A_policy_gives_K_samples_per_observation_in_the_nested_form_the_metrics_take()
    {
        var data = new ActionDataset(new double[,] { { 0, 0 }, { 1, 1 } }, new double[,] { { 0, 0, 1, 1 }, { 1, 1, 2, 2 } });
        using var policy = MsePolicy.Create(data, new MseOptions([8]));
        var samples = PolicySamples.Draw(policy, [[0.0, 0.0], [1.0, 1.0], [0.5, 0.5]], k: 3, batchSize: 2);
        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(3, s.Count));
        Assert.All(samples, s => Assert.All(s, c => Assert.Equal(4, c.Length)));
        Assert.Equal(policy.Act([0.5, 0.5]), samples[2][1], (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => PolicySamples.Draw(policy, [[0.0, 0.0]], k: 0)).ParamName);
        Assert.Contains("observations of 2 numbers", Assert.Throws<ArgumentException>(() => PolicySamples.Draw(policy, [[0.0]], k: 1)).Message, StringComparison.Ordinal);
    }
}
