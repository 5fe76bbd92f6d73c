using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Training;

namespace ActionGen.Comparison;

/// <summary>
/// A method in the measured comparison: how to train it (for any task, budget and seed), how to load a model file it
/// saved, and the samplers it is measured with — one column each. <see cref="Configuration"/> (its options as JSON) is
/// part of every cache key, so changing an option never reuses an old measurement.
/// </summary>
/// <param name="Name">The method's name in the table, e.g. "diffusion".</param>
/// <param name="Configuration">The options that define it, as JSON (without the seed).</param>
/// <param name="Train">(data, training budget, seed, progress) → a trained policy and its history. The budget's own seed
/// is already set to the seed; the method seeds its weights with it too.</param>
/// <param name="Load">Loads a model file this method saved.</param>
/// <param name="Views">The samplers it is measured with; null means the policy as trained.</param>
/// <param name="Skip">For a high-dimensional task the method cannot afford, the reason it is not run there (shown in its cell); null runs every task.</param>
public sealed record ComparisonMethod(
    string Name,
    string Configuration,
    Func<ActionDataset, TrainerOptions, int, IProgress<TrainingProgress>?, (Policy Policy, TrainingHistory History)> Train,
    Func<string, Policy> Load,
    IReadOnlyList<ComparisonView>? Views = null,
    Func<HighDimensionalSetting, string?>? Skip = null)
{
    /// <summary>The columns this method adds to the table.</summary>
    public IReadOnlyList<ComparisonView> Columns => Views ?? [ComparisonView.AsTrained];

    /// <summary>A column's label: the method's name, with the sampler's in brackets when it has one.</summary>
    public string ColumnName(ComparisonView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.IsNullOrEmpty(view.Name) ? Name : $"{Name} ({view.Name})";
    }
}
