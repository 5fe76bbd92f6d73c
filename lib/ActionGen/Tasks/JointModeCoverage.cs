namespace ActionGen.Tasks;

/// <summary>How well a set of sampled actions covers a task's joint modes (one choice per independent part, e.g. one grasp per arm).</summary>
/// <param name="ValidFraction">Share of samples within tolerance of a mode on every part (not between modes).</param>
/// <param name="DistinctModes">Joint modes that at least one valid sample lands in.</param>
/// <param name="ModeCount">Joint modes the task has.</param>
/// <param name="ModeEntropy">Normalised entropy of the joint-mode histogram of valid samples (1 = all modes equally).</param>
public sealed record JointModeCoverage(double ValidFraction, int DistinctModes, int ModeCount, double ModeEntropy);
