namespace ActionGen.Data;

/// <summary>Scalar observations and actions, e.g. the bimodal 1-D toy.</summary>
/// <param name="Observations">The s values.</param>
/// <param name="Actions">The a values, one per observation.</param>
public sealed record ScalarPairs(double[] Observations, double[] Actions);
