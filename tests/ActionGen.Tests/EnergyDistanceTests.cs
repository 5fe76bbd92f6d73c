using ActionGen.Measurement;

namespace ActionGen.Tests;

public class EnergyDistanceTests
{
    private static double[][] Cluster(double cx, double cy, int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new[] { cx + 0.1 * Tasks.Gaussian.Sample(random), cy + 0.1 * Tasks.Gaussian.Sample(random) }).ToArray();
    }

    [Fact]
    public void Identical_samples_are_at_distance_near_zero_and_far_clusters_near_twice_their_separation()
    {
        var a = Cluster(0, 0, 300, 1);
        var b = Cluster(0, 0, 300, 2);
        Assert.True(Math.Abs(EnergyDistance.Between(a, b)) < 0.02, $"{EnergyDistance.Between(a, b)}");
        var far = Cluster(5, 0, 300, 3);
        // Two tight clusters 5 apart: 2·5 − (within ≈ 2·0.18) ≈ 9.6
        Assert.InRange(EnergyDistance.Between(a, far), 9.4, 9.8);
    }

    [Fact]
    public void A_sample_against_itself_is_exactly_minus_the_diagonal_correction()
    {
        var a = Cluster(1, 1, 50, 4);
        double selfDistance = EnergyDistance.Between(a, a);
        Assert.True(selfDistance is > -0.05 and < 0, $"{selfDistance}"); // the cross term includes i = j, the within terms do not
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => EnergyDistance.Between([new[] { 1.0 }], [new[] { 1.0 }, new[] { 2.0 }]));
        Assert.Throws<ArgumentException>(() => EnergyDistance.Between([new[] { 1.0 }, new[] { 2.0 }], [new[] { 1.0, 2.0 }, new[] { 2.0, 3.0 }]));
    }
}
