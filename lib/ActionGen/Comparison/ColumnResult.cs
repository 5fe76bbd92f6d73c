namespace ActionGen.Comparison;

/// <summary>What one column of the comparison measured, per seed where a seed matters. Plain data: cached as JSON.</summary>
/// <param name="Column">The column's label.</param>
/// <param name="Method">The method's name.</param>
/// <param name="NetworkEvaluations">Network evaluations per action (1 for one-pass methods).</param>
/// <param name="Collisions">Obstacle task: the collision rate per seed.</param>
/// <param name="ModeEntropies">Obstacle task: the mode entropy of successful rollouts per seed.</param>
/// <param name="FailedRuns">Short runs that went non-finite or diverged.</param>
/// <param name="StabilityRuns">Short runs made.</param>
/// <param name="HighDimensional">Per high-dimensional task: valid share and distinct joint modes per seed.</param>
/// <param name="RingDistances">Ring task: the energy distance to the true ring per seed.</param>
/// <param name="MicrosecondsSingle">Median wall time per action at batch 1.</param>
/// <param name="MicrosecondsBatched">Median wall time per action at batch 1024.</param>
/// <param name="Threads">libtorch's threads during the timing.</param>
public sealed record ColumnResult(
    string Column,
    string Method,
    int NetworkEvaluations,
    IReadOnlyList<double> Collisions,
    IReadOnlyList<double> ModeEntropies,
    int FailedRuns,
    int StabilityRuns,
    IReadOnlyList<HighDimensionalResult> HighDimensional,
    IReadOnlyList<double> RingDistances,
    double MicrosecondsSingle,
    double MicrosecondsBatched,
    int Threads);

/// <summary>One high-dimensional task's measurement for one column.</summary>
/// <param name="Label">The task's row label.</param>
/// <param name="ModeCount">Joint modes the task has.</param>
/// <param name="ValidShares">Per seed: the share of held-out samples within tolerance on every part.</param>
/// <param name="DistinctModes">Per seed: the joint modes the valid samples hit.</param>
/// <param name="DataDistinctModes">The joint modes the held-out data itself hits with the same number of samples.</param>
/// <param name="SkippedBecause">Why the method was not run on this task (its lists are then empty), or null.</param>
public sealed record HighDimensionalResult(string Label, int ModeCount, IReadOnlyList<double> ValidShares, IReadOnlyList<int> DistinctModes, int DataDistinctModes, string? SkippedBecause = null);
