using ActionGen.Data;
using ActionGen.Measurement;
using ActionGen.Policies;
using ActionGen.Rollouts;
using ActionGen.Runtime;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Comparison;

/// <summary>
/// The measured comparison of notebook 04, as one call: every method gets the same tasks, budget and seeds, and every
/// row is measured the same way — closed-loop rollouts on the obstacle task, short runs for stability, held-out
/// coverage on the high-dimensional tasks, the time per action, and the energy distance to the ring. A new method is
/// one more <see cref="ComparisonMethod"/>; what was measured before is read from the cache folder.
/// </summary>
public sealed class ComparisonSuite
{
    private const string ObstacleTask = "obstacle";
    private const string RingTask = "ring";
    private readonly ComparisonCache cache;
    private readonly ActionDataset obstacleChunks;
    private readonly Func<string, IProgress<TrainingProgress>?> trainingProgress;

    /// <summary>A suite over <paramref name="obstacleChunks"/> (the obstacle task's 8-step chunks) with <paramref name="budget"/>.</summary>
    /// <param name="budget">Seeds, tasks and training budgets every method gets.</param>
    /// <param name="obstacleChunks">The obstacle demonstrations as (position, 8-step chunk) pairs.</param>
    /// <param name="cacheFolder">Where trained models and measured columns are kept (e.g. artifacts/comparison/full).</param>
    /// <param name="trainingProgress">Makes a progress display for a training run with the given title (null: none).</param>
    public ComparisonSuite(ComparisonBudget budget, ActionDataset obstacleChunks, string cacheFolder, Func<string, IProgress<TrainingProgress>?>? trainingProgress = null)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(obstacleChunks);
        if (obstacleChunks.ObservationDim != 2 || obstacleChunks.ActionDim % 2 != 0)
            throw new ArgumentException($"Expected obstacle chunks: 2-D positions and 2H-D chunks, got {obstacleChunks.ObservationDim}-D and {obstacleChunks.ActionDim}-D.", nameof(obstacleChunks));
        Budget = budget;
        this.obstacleChunks = obstacleChunks;
        cache = new ComparisonCache(cacheFolder, budget);
        this.trainingProgress = trainingProgress ?? (_ => null);
    }

    /// <summary>What every method gets.</summary>
    public ComparisonBudget Budget { get; }

    /// <summary>The columns of every method, in order: measured now, or read from the cache.</summary>
    public IReadOnlyList<ColumnResult> Measure(IEnumerable<ComparisonMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        return methods.SelectMany(Measure).ToList();
    }

    /// <summary>The columns of one method (one per sampler it is measured with).</summary>
    public IReadOnlyList<ColumnResult> Measure(ComparisonMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return cache.Results(method, () => MeasureNow(method), whileAnotherRunMeasures: () => TrainFromTheEnd(method));
    }

    /// <summary>The policy the suite trains for <paramref name="method"/> on the obstacle task with <paramref name="seed"/> (cached; dispose it when done).</summary>
    public Policy ObstaclePolicy(ComparisonMethod method, int seed)
    {
        ArgumentNullException.ThrowIfNull(method);
        return cache.Model(method, ObstacleTask, seed, () => TrainOnce(method, obstacleChunks, Budget.Obstacle, seed, $"{method.Name}, {ObstacleTask}, seed {seed}").Policy);
    }

    private List<ColumnResult> MeasureNow(ComparisonMethod method)
    {
        var scene = ObstacleScene.Default;
        var columns = method.Columns;
        var collisions = columns.Select(_ => new List<double>()).ToArray();
        var entropies = columns.Select(_ => new List<double>()).ToArray();
        var ring = columns.Select(_ => new List<double>()).ToArray();
        var highDim = Budget.HighDimensional.Select(_ => columns.Select(_ => (Valid: new List<double>(), Modes: new List<int>())).ToArray()).ToArray();
        var timing = new (double Single, double Batched, int Evaluations)[columns.Count];
        var ringTest = new Tasks.RingTask().Sample(Budget.RingSamples, seed: 1, context: 0.5);
        var ringTrain = RingTrainingData();

        foreach (int seed in Budget.Seeds)
        {
            using (var obstacle = Train(method, ObstacleTask, obstacleChunks, Budget.Obstacle, seed))
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    using var view = columns[c].Open(obstacle);
                    var metrics = RolloutMetrics.Of(ObstacleRollouts.Run(view.Policy, scene, Budget.Rollouts, seed: 1000 + seed));
                    collisions[c].Add(metrics.CollisionRate);
                    entropies[c].Add(metrics.ModeEntropy);
                    if (seed != Budget.Seeds[0]) continue;
                    var single = InferenceTiming.Measure(view.Policy, 1, repetitions: Budget.TimingRepetitions);
                    var batched = InferenceTiming.Measure(view.Policy, 1024, repetitions: 3, warmup: 1);
                    timing[c] = (single.MicrosecondsPerAction, batched.MicrosecondsPerAction, view.Policy.NetworkEvaluations);
                }
            }
            using (var ringPolicy = Train(method, RingTask, ringTrain, Budget.Ring, seed))
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    using var view = columns[c].Open(ringPolicy);
                    torch.manual_seed(2000 + seed);
                    ring[c].Add(PolicyEvaluation.EnergyDistanceToData(view.Policy, ringTest));
                }
            }
            for (int h = 0; h < Budget.HighDimensional.Count; h++)
            {
                var setting = Budget.HighDimensional[h];
                if (method.Skip?.Invoke(setting) is not null) continue;
                var test = setting.Task.Sample(setting.TestSamples, seed: 1);
                using var policy = Train(method, setting.Label, setting.Task.Sample(setting.TrainSamples, seed: 0), setting.Training, seed);
                for (int c = 0; c < columns.Count; c++)
                {
                    using var view = columns[c].Open(policy);
                    torch.manual_seed(3000 + seed);
                    var coverage = PolicyEvaluation.Coverage(view.Policy, setting.Task, test);
                    highDim[h][c].Valid.Add(coverage.ValidFraction);
                    highDim[h][c].Modes.Add(coverage.DistinctModes);
                }
            }
        }

        int failed = 0;
        for (int run = 0; run < Budget.StabilityRuns; run++)
        {
            var brief = new TrainerOptions(Steps: Budget.StabilitySteps, BatchSize: Budget.Obstacle.BatchSize, OnFailure: FailureHandling.Record);
            var (policy, history) = TrainOnce(method, obstacleChunks, brief, run, null);
            policy.Dispose();
            if (!history.Completed) failed++;
        }

        var dataModes = Budget.HighDimensional.Select(s => PolicyEvaluation.DataCoverage(s.Task, s.Task.Sample(s.TestSamples, seed: 1)).DistinctModes).ToArray();
        return columns.Select((view, c) => new ColumnResult(
            method.ColumnName(view), method.Name, timing[c].Evaluations, collisions[c], entropies[c], failed, Budget.StabilityRuns,
            Budget.HighDimensional.Select((s, h) => new HighDimensionalResult(s.Label, s.Task.ModeCount, highDim[h][c].Valid, highDim[h][c].Modes, dataModes[h], method.Skip?.Invoke(s))).ToList(),
            ring[c], timing[c].Single, timing[c].Batched, TorchRuntime.Initialize().Threads)).ToList();
    }

    /// <summary>
    /// Shares the training of a column another run is measuring: that run trains its models in order (per seed: obstacle,
    /// ring, each high-dimensional task), so this one trains them from the last backwards, until it reaches one the other
    /// run has trained or is training. The measuring run then loads these from the cache instead of training them.
    /// </summary>
    private void TrainFromTheEnd(ComparisonMethod method)
    {
        var models = new List<(string Task, int Seed, TrainerOptions Training, Func<ActionDataset> Data)>();
        foreach (int seed in Budget.Seeds)
        {
            models.Add((ObstacleTask, seed, Budget.Obstacle, () => obstacleChunks));
            models.Add((RingTask, seed, Budget.Ring, RingTrainingData));
            foreach (var setting in Budget.HighDimensional.Where(s => method.Skip?.Invoke(s) is null))
                models.Add((setting.Label, seed, setting.Training, () => setting.Task.Sample(setting.TrainSamples, seed: 0)));
        }
        for (int m = models.Count - 1; m >= 0; m--)
        {
            var (task, seed, training, data) = models[m];
            string title = $"{method.Name}, {task}, seed {seed} (sharing another run's column)";
            if (!cache.TryTrain(method, task, seed, () => TrainOnce(method, data(), training, seed, title).Policy)) return;   // the measuring run has got this far
        }
    }

    private static ActionDataset RingTrainingData() => new Tasks.RingTask().Sample(4000, seed: 0);

    private Policy Train(ComparisonMethod method, string task, ActionDataset data, TrainerOptions training, int seed) =>
        cache.Model(method, task, seed, () => TrainOnce(method, data, training, seed, $"{method.Name}, {task}, seed {seed}").Policy);

    private (Policy Policy, TrainingHistory History) TrainOnce(ComparisonMethod method, ActionDataset data, TrainerOptions training, int seed, string? title) =>
        method.Train(data, training with { Seed = seed }, seed, title is null ? null : trainingProgress(title));
}
