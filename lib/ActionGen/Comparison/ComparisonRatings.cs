using ActionGen.Measurement;
using ActionGen.Reporting;

namespace ActionGen.Comparison;

/// <summary>
/// How a measured cell is coloured, from its 95 % interval rather than its point estimate: green only when the whole
/// interval is on the good side of the row's bar, red only when the whole interval is on the bad side, amber when the
/// interval straddles (the seeds cannot tell) or sits between the bars.
/// </summary>
public static class ComparisonRatings
{
    /// <summary>Obstacle collisions: good when surely ≤ 10 %, poor when surely ≥ 30 %.</summary>
    public static Rating Collisions(Interval rate) => LowerIsBetter(rate, good: 0.10, poor: 0.30);

    /// <summary>Held-out valid share: good when surely ≥ 90 %, poor when surely below 50 %.</summary>
    public static Rating ValidShare(Interval share) => HigherIsBetter(share, good: 0.90, poor: 0.50);

    /// <summary>
    /// A high-dimensional cell: valid samples are not enough — they must also cover the joint modes. Good when the valid
    /// share is surely ≥ 90 % and the valid samples hit at least 90 % of the joint modes the held-out data hits with as
    /// many samples; poor when the valid share is surely below 50 % or they hit under 20 % of those modes (an averaged
    /// action that happens to be valid hits one); fair otherwise.
    /// </summary>
    public static Rating HighDimensional(Interval validShare, double modeCoverage)
    {
        ArgumentNullException.ThrowIfNull(validShare);
        var valid = ValidShare(validShare);
        if (valid == Rating.Poor || modeCoverage < 0.2) return Rating.Poor;
        return valid == Rating.Good && modeCoverage >= 0.9 ? Rating.Good : Rating.Fair;
    }

    /// <summary>Ring energy distance: good when surely ≤ 0.005, poor when surely ≥ 0.05.</summary>
    public static Rating RingDistance(Interval distance) => LowerIsBetter(distance, good: 0.005, poor: 0.05);

    /// <summary>Training stability: good with no failed run, poor with any.</summary>
    public static Rating Stability(int failedRuns) => failedRuns == 0 ? Rating.Good : Rating.Poor;

    /// <summary>Inference time per action at batch 1 (a median of repeated calls): good ≤ 1 ms, fair ≤ 5 ms, poor beyond.</summary>
    public static Rating Speed(double microseconds) => microseconds <= 1000 ? Rating.Good : microseconds <= 5000 ? Rating.Fair : Rating.Poor;

    /// <summary>Good when the whole interval is at or below <paramref name="good"/>, poor when it is wholly at or above <paramref name="poor"/>.</summary>
    public static Rating LowerIsBetter(Interval value, double good, double poor)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.High <= good) return Rating.Good;
        if (value.Low >= poor) return Rating.Poor;
        return Rating.Fair;
    }

    /// <summary>Good when the whole interval is at or above <paramref name="good"/>, poor when it is wholly below <paramref name="poor"/>.</summary>
    public static Rating HigherIsBetter(Interval value, double good, double poor)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Low >= good) return Rating.Good;
        if (value.High < poor) return Rating.Poor;
        return Rating.Fair;
    }
}
