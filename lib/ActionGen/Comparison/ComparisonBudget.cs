using ActionGen.Runtime;
using ActionGen.Tasks;
using ActionGen.Training;

namespace ActionGen.Comparison;

/// <summary>
/// What every method of the comparison gets: the same seeds, tasks, training steps and evaluation sizes. Intervals
/// in the table are over <see cref="Seeds"/>.
/// </summary>
/// <param name="Seeds">Training seeds (weights, batches and training noise); each gives one value per row.</param>
/// <param name="Obstacle">Training on the obstacle task's 8-step chunks.</param>
/// <param name="Rollouts">Closed-loop rollouts per seed.</param>
/// <param name="StabilityRuns">Short runs, one per seed, counted for non-finite or diverged training.</param>
/// <param name="StabilitySteps">Steps of each short run.</param>
/// <param name="Ring">Training on the ring task.</param>
/// <param name="RingSamples">Samples compared with the true ring at s = 0.5.</param>
/// <param name="HighDimensional">The high-dimensional tasks, each with its own budget.</param>
/// <param name="TimingRepetitions">Repeated calls whose median is the time per action at batch 1.</param>
public sealed record ComparisonBudget(
    IReadOnlyList<int> Seeds,
    TrainerOptions Obstacle,
    int Rollouts,
    int StabilityRuns,
    int StabilitySteps,
    TrainerOptions Ring,
    int RingSamples,
    IReadOnlyList<HighDimensionalSetting> HighDimensional,
    int TimingRepetitions = 20)
{
    /// <summary>The budget of the current run mode (<see cref="RunMode.IsQuick"/>).</summary>
    public static ComparisonBudget ForCurrentMode() => RunMode.IsQuick ? Quick : Full;

    /// <summary>
    /// Full mode: 3 seeds. Budgets are what every method can afford three times over within notebook 04's time: the
    /// many-mode task's budget curve, with more steps, is measured separately in notebook 04.
    /// </summary>
    public static ComparisonBudget Full { get; } = new(
        Seeds: [0, 1, 2],
        Obstacle: new TrainerOptions(Steps: 3000, BatchSize: 256),
        Rollouts: 200,
        StabilityRuns: 10,
        StabilitySteps: 300,
        Ring: new TrainerOptions(Steps: 2000, BatchSize: 256),
        RingSamples: 500,
        HighDimensional:
        [
            new("9 joint modes, D = 28, 2,500 steps", new BimanualTask(JointsPerArm: 14, Arms: 2), new TrainerOptions(Steps: 2500, BatchSize: 256), 4000, 1000),
            new("2,187 joint modes, D = 14, 2,500 steps", new BimanualTask(JointsPerArm: 2, Arms: 7), new TrainerOptions(Steps: 2500, BatchSize: 256), 4000, 1000),
            new("routes, 16 joint modes, D = 224, 1,000 steps", new BimanualRoutesTask(Choices: 2), new TrainerOptions(Steps: 1000, BatchSize: 256), 2000, 500),
            new("routes, 256 joint modes, D = 224, 1,000 steps", new BimanualRoutesTask(Choices: 4), new TrainerOptions(Steps: 1000, BatchSize: 256), 2000, 500),
        ]);

    /// <summary>Quick mode: 2 seeds and about half the budgets; the notebooks assert the same claims.</summary>
    public static ComparisonBudget Quick { get; } = new(
        Seeds: [0, 1],
        Obstacle: new TrainerOptions(Steps: 1500, BatchSize: 256),
        Rollouts: 100,
        StabilityRuns: 5,
        StabilitySteps: 300,
        Ring: new TrainerOptions(Steps: 1000, BatchSize: 256),
        RingSamples: 300,
        HighDimensional:
        [
            new("9 joint modes, D = 28, 1,000 steps", new BimanualTask(JointsPerArm: 14, Arms: 2), new TrainerOptions(Steps: 1000, BatchSize: 256), 2000, 500),
            new("2,187 joint modes, D = 14, 1,000 steps", new BimanualTask(JointsPerArm: 2, Arms: 7), new TrainerOptions(Steps: 1000, BatchSize: 256), 2000, 500),
            new("routes, 16 joint modes, D = 224, 500 steps", new BimanualRoutesTask(Choices: 2), new TrainerOptions(Steps: 500, BatchSize: 256), 1000, 300),
            new("routes, 256 joint modes, D = 224, 500 steps", new BimanualRoutesTask(Choices: 4), new TrainerOptions(Steps: 500, BatchSize: 256), 1000, 300),
        ]);
}
