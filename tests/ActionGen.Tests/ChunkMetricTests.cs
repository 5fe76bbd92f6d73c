using ActionGen.Measurement;

namespace ActionGen.Tests;

/// <summary>The offline chunk metrics on hand-made chunks whose answers can be worked out by hand.</summary>
public class ChunkMetricTests
{
    /// <summary>A chunk of H = 4 steps, every step at (x, y) plus a per-step wobble.</summary>
    private static double[] Flat(double x, double y, double wobble = 0) =>
        Enumerable.Range(0, 4).SelectMany(h => new[] { x + h + wobble * ((h % 2) - 0.5), y + wobble * (h % 3 - 1) }).ToArray();

    /// <summary>Two clusters of 4 chunks each, centred on y = +10 and y = −10, each chunk wobbling by at most ~0.5.</summary>
    private static double[][] Bimodal() =>
        [Flat(0, 10, 0.2), Flat(0.3, 10.2, -0.4), Flat(-0.2, 9.7, 0.5), Flat(0.1, 10.3, -0.1),
         Flat(0, -10, 0.3), Flat(-0.3, -9.8, -0.2), Flat(0.2, -10.3, 0.4), Flat(-0.1, -9.9, -0.5)];

    private static double[] Mean(double[][] chunks) =>
        Enumerable.Range(0, chunks[0].Length).Select(d => chunks.Average(c => c[d])).ToArray();

    [Fact]
    public void Ade_and_fde_of_hand_made_chunks()
    {
        double[] truth = [0, 0, 1, 0, 2, 0];
        Assert.Equal(1.0, ChunkDistance.Average(truth, [0, 1, 1, 1, 2, 1], 2), 12);      // every step 1 away
        Assert.Equal(5.0 / 3, ChunkDistance.Average(truth, [0, 0, 1, 0, 5, 4], 2), 12);  // (0 + 0 + ‖(3, 4)‖) / 3
        Assert.Equal(5.0, ChunkDistance.Final(truth, [0, 0, 1, 0, 5, 4], 2), 12);
    }

    [Fact]
    public void MinAde_and_minFde_take_the_best_of_K_each_on_its_own_and_average_over_states()
    {
        double[] truth = [0, 0, 1, 0, 2, 0];
        double[] farButEndsRight = [0, 3, 1, 3, 2, 0];                                   // ADE 2, FDE 0
        double[] nearButEndsOff = [0, 0, 1, 0, 2, 0.5];                                  // ADE 1/6, FDE 0.5
        double[] exact = [0, 0, 1, 0, 2, 0];
        var samples = new IReadOnlyList<double[]>[] { [farButEndsRight, nearButEndsOff], [nearButEndsOff, exact] };
        var both = MinDisplacementError.Compute(samples, [truth, truth], stepDim: 2);
        Assert.Equal(2, both.K);
        Assert.Equal((1.0 / 6 + 0) / 2, both.MinAde, 12);                                // state 0: 1/6, state 1: 0
        Assert.Equal((0 + 0) / 2.0, both.MinFde, 12);                                    // state 0: FDE from the other sample
        Assert.Equal([1.0 / 6, 0], both.MinAdeByState);

        var first = MinDisplacementError.Compute(samples, [truth, truth], stepDim: 2, k: 1);
        Assert.Equal((2 + 1.0 / 6) / 2, first.MinAde, 12);
        Assert.Equal((0 + 0.5) / 2, first.MinFde, 12);
        Assert.Contains("minADE@1", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_mean_of_two_separated_clusters_is_mode_averaging_and_a_member_is_not()
    {
        var human = Bimodal();
        var mean = Mean(human);                                                          // ≈ y = 0: 10 from every chunk
        var member = human[2];
        var nearMember = Flat(0.05, 9.9, 0.1);

        Assert.True(ModeAveraging.IsOutsideHumanSupport(mean, human, ModeAveraging.SupportRadii(human, 2), 2));
        var rate = ModeAveraging.Rate([[mean, mean, mean]], [human], stepDim: 2);
        Assert.Equal(1.0, rate.Rate);
        Assert.Equal((3, 3), (rate.Flagged, rate.Predicted));
        Assert.Equal(0.0, ModeAveraging.Rate([[member], [nearMember]], [human, human], stepDim: 2).Rate);
        Assert.Equal(0.5, ModeAveraging.Rate([[mean, member]], [human], stepDim: 2).Rate);
    }

    [Fact]
    public void Support_radii_are_each_chunks_distance_to_its_nearest_fellow()
    {
        double[][] human = [[0, 0], [1, 0], [5, 0]];
        Assert.Equal([1.0, 1.0, 4.0], ModeAveraging.SupportRadii(human, 2));
        Assert.False(ModeAveraging.IsOutsideHumanSupport([3, 0], human, [1.0, 1.0, 4.0], 2)); // 2 from (5, 0), whose radius is 4
        Assert.True(ModeAveraging.IsOutsideHumanSupport([0, 3], human, [1.0, 1.0, 4.0], 2));
    }

    [Fact]
    public void Two_means_finds_two_clusters_in_a_bimodal_set_and_one_in_a_unimodal_set()
    {
        var split = ChunkClustering.TwoMeans(Bimodal(), 2);
        Assert.Equal(2, split.ClusterCount);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], split.Assignments.Select(a => a == split.Assignments[0] ? 0 : 1));
        Assert.Equal(20, split.Gap, 0.5);                                                // centres at y ≈ ±10
        Assert.True(split.Ratio > 3, $"ratio {split.Ratio}");

        // Evenly spread along a line (a uniform distribution): 2-means halves it with ratio 2, below λ = 3.
        var line = Enumerable.Range(0, 12).Select(i => Flat(0, i)).ToArray();
        var lineSplit = ChunkClustering.TwoMeans(line, 2);
        Assert.Equal(1, lineSplit.ClusterCount);
        Assert.Equal(2.0, lineSplit.Ratio, 1e-9);

        // One far outlier beside a tight group: a one-chunk cluster is not a mode.
        double[][] outlier = [Flat(0, 0, 0.1), Flat(0, 0.2, -0.1), Flat(0.1, 0, 0.2), Flat(0, 50)];
        var outlierSplit = ChunkClustering.TwoMeans(outlier, 2);
        Assert.Equal([1, 3], outlierSplit.Sizes.Order());
        Assert.Equal(1, outlierSplit.ClusterCount);
        Assert.Equal(2, ChunkClustering.TwoMeans(outlier, 2, new SeparationCriterion(MinClusterSize: 1)).ClusterCount);
    }

    [Fact]
    public void Diversity_is_the_mean_pairwise_chunk_distance()
    {
        Assert.Equal(3.0, ChunkDiversity.MeanPairwiseDistance([[0, 0, 0, 0], [0, 3, 0, 3]], 2), 12);
        Assert.Equal((1 + 2 + 1) / 3.0, ChunkDiversity.MeanPairwiseDistance([[0.0, 0], [1.0, 0], [2.0, 0]], 2), 12);
        Assert.Equal(0.0, ChunkDiversity.MeanPairwiseDistance([Flat(1, 1), Flat(1, 1)], 2));
        Assert.Equal(2.0, ChunkDiversity.MeanOverStates([[[0.0, 0], [1.0, 0]], [[0.0, 0], [0.0, 3]]], 2), 12);
    }

    [Fact]
    public void Wrong_shapes_and_K_below_1_are_rejected_with_what_was_expected()
    {
        double[] chunk = [0, 0, 1, 1];
        Assert.Contains("got 4 and 6 numbers", Assert.Throws<ArgumentException>(() => ChunkDistance.Average(chunk, [0, 0, 1, 1, 2, 2], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("whole steps of 3 numbers", Assert.Throws<ArgumentException>(() => ChunkDistance.Average(chunk, chunk, 3)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkDistance.Final(chunk, chunk, 0));

        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => MinDisplacementError.Compute([[chunk]], [chunk], 2, k: 0)).ParamName);
        Assert.Contains("K ≥ 1 samples at each state, got 0", Assert.Throws<ArgumentException>(() => MinDisplacementError.Compute([Array.Empty<double[]>()], [chunk], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("at least K = 2 samples at each state, got 1 at state 1", Assert.Throws<ArgumentException>(() => MinDisplacementError.Compute([[chunk, chunk], [chunk]], [chunk, chunk], 2, k: 2)).Message, StringComparison.Ordinal);
        Assert.Contains("same K at every state (2, as at state 0), got 1 at state 1", Assert.Throws<ArgumentException>(() => MinDisplacementError.Compute([[chunk, chunk], [chunk]], [chunk, chunk], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("sample 0 at state 0 to hold 4 numbers", Assert.Throws<ArgumentException>(() => MinDisplacementError.Compute([[new double[] { 0, 0 }]], [chunk], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("2 sets and 1 human chunks", Assert.Throws<ArgumentException>(() => MinDisplacementError.Compute([[chunk], [chunk]], [chunk], 2)).Message, StringComparison.Ordinal);

        Assert.Contains("at least 2 human chunks at each state, got 1", Assert.Throws<ArgumentException>(() => ModeAveraging.Rate([[chunk]], [[chunk]], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("K ≥ 1 predicted chunks at each state, got 0", Assert.Throws<ArgumentException>(() => ModeAveraging.Rate([Array.Empty<double[]>()], [[chunk, chunk]], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("got 2 at index 1", Assert.Throws<ArgumentException>(() => ModeAveraging.SupportRadii([chunk, [0, 0]], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("at least 2 chunks", Assert.Throws<ArgumentException>(() => ChunkDiversity.MeanPairwiseDistance([chunk], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("at least 2 chunks to split", Assert.Throws<ArgumentException>(() => ChunkClustering.TwoMeans([chunk], 2)).Message, StringComparison.Ordinal);
        Assert.Equal("MinRatio", Assert.Throws<ArgumentOutOfRangeException>(() => ChunkClustering.TwoMeans([chunk, chunk], 2, new SeparationCriterion(MinRatio: double.NaN))).ParamName);
    }
}
