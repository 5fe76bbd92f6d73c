namespace ActionGen.Diffusion;

/// <summary>Which variance the DDPM reverse step adds.</summary>
public enum DdpmVariance
{
    /// <summary>β̃_t, the true posterior variance (diffusers' "fixed_small", the default).</summary>
    Posterior,

    /// <summary>β_t (diffusers' "fixed_large"); Ho et al. report similar results.</summary>
    Beta,
}
