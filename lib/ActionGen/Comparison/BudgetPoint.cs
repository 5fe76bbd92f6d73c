namespace ActionGen.Comparison;

/// <summary>One point of a budget curve: what a policy's samples covered after a number of training steps.</summary>
/// <param name="Column">The method (and sampler) measured.</param>
/// <param name="Step">Optimiser steps so far.</param>
/// <param name="TrainingFlops">Training compute so far, ≈ 6 · parameters · batch · steps (forward and backward of every layer).</param>
/// <param name="ValidShare">Share of held-out samples within tolerance on every part.</param>
/// <param name="DistinctModes">Joint modes those valid samples hit.</param>
public sealed record BudgetPoint(string Column, int Step, double TrainingFlops, double ValidShare, int DistinctModes);
