namespace ActionGen.Diffusion;

/// <summary>What the denoiser is trained to output.</summary>
public enum Prediction
{
    /// <summary>The noise ε (Ho et al.; Diffusion Policy and LeRobot's default).</summary>
    Epsilon,

    /// <summary>The clean sample x₀.</summary>
    Sample,
}

/// <summary>Which reverse process generates actions.</summary>
public enum Sampler
{
    /// <summary>DDPM: every one of the T steps, stochastic.</summary>
    Ddpm,

    /// <summary>DDIM: a subsequence of the steps; deterministic at η = 0.</summary>
    Ddim,
}
