using ActionGen.Tasks;
using ActionGen.Training;

namespace ActionGen.Comparison;

/// <summary>A high-dimensional task of the comparison: which task, how much data, and the training budget it gets.</summary>
/// <param name="Label">The row's label.</param>
/// <param name="Task">The task.</param>
/// <param name="Training">The training budget (its seed is replaced by each run's).</param>
/// <param name="TrainSamples">Training pairs.</param>
/// <param name="TestSamples">Held-out contexts, one sample each.</param>
public sealed record HighDimensionalSetting(string Label, IJointModeTask Task, TrainerOptions Training, int TrainSamples = 4000, int TestSamples = 1000);
