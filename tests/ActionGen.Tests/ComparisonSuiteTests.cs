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

    [Fact]
    public async Task Two_suites_measuring_the_same_method_at_once_train_each_model_once_and_agree()
    {
        using var temp = new TempDirectory();
        var chunks = ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(10, seed: 0), horizon: 8);
        int trainings = 0;
        var mse = ComparisonMethods.Mse(new MseOptions([16]));
        var counted = mse with
        {
            Train = (data, training, seed, progress) =>
            {
                Interlocked.Increment(ref trainings);
                return mse.Train(data, training, seed, progress);
            },
        };
        var measurements = await Task.WhenAll(
            Task.Run(() => new ComparisonSuite(Tiny, chunks, temp.Path).Measure(counted)),
            Task.Run(() => new ComparisonSuite(Tiny, chunks, temp.Path).Measure(counted)));

        Assert.Equal(2 * 3 + Tiny.StabilityRuns, trainings);                         // 3 tasks × 2 seeds, and the short runs, once
        Assert.Equal(measurements[0][0].Collisions, measurements[1][0].Collisions);
        Assert.Equal(measurements[0][0].MicrosecondsSingle, measurements[1][0].MicrosecondsSingle); // the second read what the first wrote
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_run_that_finds_a_column_being_measured_trains_its_models_from_the_last_back_and_the_numbers_stay_the_same()
    {
        using var alone = new TempDirectory();
        using var shared = new TempDirectory();
        var chunks = ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(10, seed: 0), horizon: 8);
        var method = ComparisonMethods.Mse(new MseOptions([16]));
        var measuredAlone = Assert.Single(new ComparisonSuite(Tiny, chunks, alone.Path).Measure(method));

        // Another run is measuring the column and training its first model (obstacle, seed 0).
        var cache = new ComparisonCache(shared.Path, Tiny);
        var column = CacheClaim.Acquire(cache.ResultsPath(method), TimeSpan.FromSeconds(5));
        var firstModel = CacheClaim.Acquire(cache.ModelPath(method, "obstacle", 0), TimeSpan.FromSeconds(5));
        var waiting = Task.Run(() => new ComparisonSuite(Tiny, chunks, shared.Path).Measure(method));
        try
        {
            string[] fromTheEnd = [cache.ModelPath(method, "tiny grasps", 1), cache.ModelPath(method, "ring", 1), cache.ModelPath(method, "obstacle", 1),
                cache.ModelPath(method, "tiny grasps", 0), cache.ModelPath(method, "ring", 0)];
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!fromTheEnd.All(File.Exists) && DateTime.UtcNow < deadline) await Task.Delay(50);
            await Task.Delay(300);

            Assert.All(fromTheEnd, path => Assert.True(File.Exists(path), $"the waiting run did not train {Path.GetFileName(path)}"));
            Assert.False(File.Exists(cache.ModelPath(method, "obstacle", 0)), "the waiting run trained the model the other run holds");
            Assert.False(waiting.IsCompleted, "the run stopped waiting while the other run still held the column");
        }
        finally
        {
            firstModel.Dispose();                                                       // the other run stops: this one measures the column,
            column.Dispose();                                                           // loading the five models it trained meanwhile
        }
        var measuredShared = Assert.Single(await waiting);
        Assert.Equal(measuredAlone.Collisions, measuredShared.Collisions);
        Assert.Equal(measuredAlone.RingDistances, measuredShared.RingDistances);
        Assert.Equal(measuredAlone.HighDimensional[0].ValidShares, measuredShared.HighDimensional[0].ValidShares);
    }

    [Fact]
    public void A_claim_held_by_another_process_makes_a_run_wait_and_is_free_once_that_process_ends()
    {
        using var temp = new TempDirectory();
        string entry = Path.Combine(temp.Path, "entry.json");
        string lockPath = CacheClaim.LockPath(entry);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("flock", ["-x", lockPath, "sleep", "2"]) { UseShellExecute = false })!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (!File.Exists(lockPath) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Thread.Sleep(200);                                                            // let flock take the lock
            var busy = Assert.Throws<TimeoutException>(() => CacheClaim.Acquire(entry, TimeSpan.FromMilliseconds(300)));
            Assert.Contains(lockPath, busy.Message, StringComparison.Ordinal);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            using (CacheClaim.Acquire(entry, TimeSpan.FromSeconds(30))) { }
            Assert.True(waited.Elapsed > TimeSpan.FromSeconds(1), $"the claim was granted after {waited.Elapsed}, while the other process held the lock for 2 s");
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
            holder.Dispose();
        }
    }
}
