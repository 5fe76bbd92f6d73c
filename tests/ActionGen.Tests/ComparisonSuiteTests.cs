using ActionGen.Comparison;
using ActionGen.Measurement;
using ActionGen.Mse;
using ActionGen.Reporting;
using ActionGen.Tasks;
using ActionGen.Training;

namespace ActionGen.Tests;

public class ComparisonSuiteTests
{
    private static readonly ComparisonBudget Tiny = new(
        Seeds: [0, 1],
        Obstacle: new TrainerOptions(Steps: 30, BatchSize: 64),
        Rollouts: 8,
        StabilityRuns: 2,
        StabilitySteps: 10,
        Ring: new TrainerOptions(Steps: 30, BatchSize: 64),
        RingSamples: 20,
        HighDimensional: [new("tiny grasps", new BimanualTask(JointsPerArm: 2, Arms: 2), new TrainerOptions(Steps: 30, BatchSize: 64), 200, 40)],
        TimingRepetitions: 2);

    [Fact]
    public void A_method_is_measured_once_then_read_from_the_cache_and_new_options_are_measured_afresh()
    {
        using var temp = new TempDirectory();
        var chunks = ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(10, seed: 0), horizon: 8);
        var method = ComparisonMethods.Mse(new MseOptions([16]));

        var first = new ComparisonSuite(Tiny, chunks, temp.Path).Measure(method);
        var column = Assert.Single(first);
        Assert.Equal("MSE", column.Column);
        Assert.Equal(2, column.Collisions.Count);
        Assert.Equal(2, column.RingDistances.Count);
        Assert.Equal(2, column.HighDimensional[0].ValidShares.Count);
        Assert.Equal(2, column.StabilityRuns);
        int models = Directory.GetFiles(Path.Combine(temp.Path, "models")).Length;
        Assert.Equal(2 * 3, models);                                                  // obstacle, ring, one high-dim task × 2 seeds

        var again = new ComparisonSuite(Tiny, chunks, temp.Path).Measure(method);
        Assert.Equal(column.MicrosecondsSingle, Assert.Single(again).MicrosecondsSingle); // a timing can only repeat exactly when read back
        Assert.Equal(models, Directory.GetFiles(Path.Combine(temp.Path, "models")).Length);

        Assert.Single(Directory.GetFiles(temp.Path, "*.json"));
        var wider = new ComparisonSuite(Tiny, chunks, temp.Path).Measure(ComparisonMethods.Mse(new MseOptions([24])));
        Assert.Single(wider);
        Assert.Equal(2, Directory.GetFiles(temp.Path, "*.json").Length);                    // measured afresh, cached beside the first
        Assert.Equal(2 * models, Directory.GetFiles(Path.Combine(temp.Path, "models")).Length);

        var table = ComparisonReport.Table([column, wider[0]], Tiny, "tiny");
        Assert.Equal(5, table.Rows.Count);                                            // obstacle, stability, one high-dim row, speed, ring
        Assert.Equal(3, table.Columns.Count);
    }

    [Fact]
    public void Ratings_come_from_the_interval_not_the_point_estimate()
    {
        Assert.Equal(Rating.Good, ComparisonRatings.Collisions(Interval.OverSeeds([0.02, 0.03, 0.04])));
        Assert.Equal(Rating.Fair, ComparisonRatings.Collisions(Interval.OverSeeds([0.0, 0.02, 0.2])));   // mean 7 %, but the seeds cannot tell
        Assert.Equal(Rating.Poor, ComparisonRatings.Collisions(Interval.OverSeeds([0.9, 1.0, 0.95])));
        Assert.Equal(Rating.Good, ComparisonRatings.ValidShare(Interval.OverSeeds([0.97, 0.98, 0.99])));
        Assert.Equal(Rating.Poor, ComparisonRatings.ValidShare(Interval.OverSeeds([0.0, 0.01, 0.02])));
        Assert.Equal(Rating.Fair, ComparisonRatings.ValidShare(Interval.OverSeeds([0.5, 0.95, 0.99])));
        var allValid = Interval.OverSeeds([1.0, 1.0, 1.0]);
        Assert.Equal(Rating.Poor, ComparisonRatings.HighDimensional(allValid, modeCoverage: 1.0 / 9));   // the averaged grasp: valid, one mode
        Assert.Equal(Rating.Good, ComparisonRatings.HighDimensional(allValid, modeCoverage: 1.0));
        Assert.Equal(Rating.Fair, ComparisonRatings.HighDimensional(allValid, modeCoverage: 0.75));
    }
}
