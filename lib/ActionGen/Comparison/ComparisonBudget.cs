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

    /// <summary>
    /// Quick mode: 2 seeds, half the obstacle and high-dimensional training, 600 ring steps, 2 short stability runs of
    /// 150 steps (the naive mixture of notebook 02 goes non-finite within 26–104 steps), and the two high-dimensional
    /// tasks the notebooks' claims rest on — 2,187 joint modes in 14 dimensions, and 256 joint modes in the 224-D route
    /// chunks. The 9-mode and 16-route rows (full mode) show that dimension alone does not defeat a mixture; notebook 02
    /// measures that in both modes.
    /// </summary>
    public static ComparisonBudget Quick { get; } = new(
        Seeds: [0, 1],
        Obstacle: new TrainerOptions(Steps: 1500, BatchSize: 256),
        Rollouts: 100,
        StabilityRuns: 2,
        StabilitySteps: 150,
        Ring: new TrainerOptions(Steps: 600, BatchSize: 256),
        RingSamples: 300,
        HighDimensional:
        [
            new("2,187 joint modes, D = 14, 1,000 steps", new BimanualTask(JointsPerArm: 2, Arms: 7), new TrainerOptions(Steps: 1000, BatchSize: 256), 2000, 500),
            new("routes, 256 joint modes, D = 224, 500 steps", new BimanualRoutesTask(Choices: 4), new TrainerOptions(Steps: 500, BatchSize: 256), 1000, 300),
        ]);

    /// <summary>The row index of the high-dimensional task with <paramref name="jointModes"/> joint modes.</summary>
    /// <exception cref="ArgumentException">No task of this budget has that many.</exception>
    public int HighDimensionalRow(int jointModes)
    {
        for (int h = 0; h < HighDimensional.Count; h++)
            if (HighDimensional[h].Task.ModeCount == jointModes) return h;
        throw new ArgumentException($"Expected one of the budget's joint-mode counts ({string.Join(", ", HighDimensional.Select(h => h.Task.ModeCount))}), got {jointModes}.", nameof(jointModes));
    }
}
