namespace ActionGen.Diffusion;

/// <summary>Which reverse process generates actions.</summary>
public enum DiffusionSamplerKind
{
    /// <summary>DDPM: every one of the T steps, stochastic.</summary>
    Ddpm,

    /// <summary>DDIM: a subsequence of the steps; deterministic updates at η = 0.</summary>
    Ddim,
}
