using ActionGen.Data;
using ActionGen.Measurement;
using ActionGen.Policies;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Comparison;

/// <summary>
/// Coverage against training budget in one run: the policy is trained once and, at each checkpoint, each of its views
/// samples the held-out set. Training compute is counted in FLOPs (≈ 6 per parameter per example per step: a multiply
/// and an add for the forward pass, twice that for the backward pass), which unlike wall time does not depend on what
/// else the machine is doing.
/// </summary>
public static class BudgetCurve
{
    /// <summary>Trains <paramref name="policy"/> on <paramref name="train"/> and measures every view at every checkpoint.</summary>
    public static IReadOnlyList<BudgetPoint> Measure(Policy policy, string name, ActionDataset train, IJointModeTask task, ActionDataset test,
        TrainerOptions training, IReadOnlyList<int> checkpoints, IReadOnlyList<ComparisonView>? views = null, IProgress<TrainingProgress>? progress = null, int samplingSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(checkpoints);
        views ??= [ComparisonView.AsTrained];
        var points = new List<BudgetPoint>();
        double flopsPerStep = 6.0 * policy.ParameterCount * Math.Min(training.BatchSize, train.Count);   // 6 · P · B
        Trainer.Fit(policy, train, training, progress, new TrainingCheckpoints(checkpoints, step =>
        {
            foreach (var view in views)
            {
                using var acting = view.Open(policy);
                torch.manual_seed(samplingSeed);
                var coverage = PolicyEvaluation.Coverage(acting.Policy, task, test);
                string column = string.IsNullOrEmpty(view.Name) ? name : $"{name} ({view.Name})";
                points.Add(new BudgetPoint(column, step, flopsPerStep * step, coverage.ValidFraction, coverage.DistinctModes));
            }
        }));
        return points;
    }
}
