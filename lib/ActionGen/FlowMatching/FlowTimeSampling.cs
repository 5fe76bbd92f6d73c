namespace ActionGen.FlowMatching;

/// <summary>How training draws the time τ ∈ [0, 1] (0 noise, 1 data) at which the velocity is regressed.</summary>
public enum FlowTimeSampling
{
    /// <summary>τ ~ U(0, 1) (Lipman et al. 2023; rectified flow).</summary>
    Uniform,

    /// <summary>
    /// π0's: t ~ Beta(1.5, 1) scaled to [0.001, 1] in its convention (t = 1 noise), i.e. τ = 1 − t here — more weight
    /// on noisy times, where the choice between modes is made (Black et al. 2024).
    /// </summary>
    Pi0Beta,
}
