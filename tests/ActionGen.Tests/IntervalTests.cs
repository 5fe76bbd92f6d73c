using ActionGen.Measurement;

namespace ActionGen.Tests;

public class IntervalTests
{
    [Fact]
    public void The_t_interval_over_three_seeds_matches_a_hand_computation()
    {
        // mean 0.2, s = 0.1, t_{0.975, 2} = 4.303: half-width 4.303 · 0.1/√3 = 0.24844
        var interval = Interval.OverSeeds([0.1, 0.2, 0.3]);
        Assert.Equal(0.2, interval.Estimate, 12);
        Assert.Equal(0.2 - 0.24844, interval.Low, 4);
        Assert.Equal(0.2 + 0.24844, interval.High, 4);
        Assert.Equal("0.20 [-0.05, 0.45]", interval.ToString("F2"));
    }

    [Fact]
    public void The_wilson_interval_matches_its_formula_and_stays_in_zero_one()
    {
        var none = Interval.Wilson(0, 10);
        Assert.Equal(0, none.Low);
        Assert.Equal(0.2775, none.High, 3);      // the familiar 0/10 upper bound
        var half = Interval.Wilson(50, 100);
        Assert.Equal(0.4038, half.Low, 3);
        Assert.Equal(0.5962, half.High, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Interval.Wilson(11, 10));
    }

    [Fact]
    public void One_seed_gives_an_unbounded_interval_and_non_finite_values_are_refused()
    {
        Assert.True(double.IsInfinity(Interval.OverSeeds([0.4]).High));
        Assert.Throws<ArgumentException>(() => Interval.OverSeeds([0.1, double.NaN]));
    }
}
