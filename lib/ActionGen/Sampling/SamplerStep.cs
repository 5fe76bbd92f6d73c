namespace ActionGen.Sampling;

/// <summary>
/// One network evaluation of a sampler: the network sees x at <paramref name="Time"/>, and the update moves x to
/// <paramref name="NextTime"/>. Times are in the method's own units: a diffusion timestep t ∈ {0, …, T−1} counting
/// down (−1 = the end), or a flow time τ ∈ [0, 1] counting up from noise (0) to data (1).
/// </summary>
/// <param name="Index">0-based position in the sampler's grid.</param>
/// <param name="Time">Where the network is evaluated.</param>
/// <param name="NextTime">Where the update lands.</param>
/// <param name="Stage">For two-stage methods (Heun): 0 the predictor, 1 the corrector; always 0 otherwise.</param>
public readonly record struct SamplerStep(int Index, double Time, double NextTime, int Stage = 0);
