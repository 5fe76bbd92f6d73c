namespace ActionGen.Diffusion;

/// <summary>Which S of the T timesteps DDIM visits (diffusers' <c>timestep_spacing</c>).</summary>
public enum DdimSpacing
{
    /// <summary>t_i = i · ⌊T/S⌋, descending: diffusers' default and Diffusion Policy's. It never visits T−1, and with S = 1 it evaluates only t = 0.</summary>
    Leading,

    /// <summary>t_i = round(T − i · T/S) − 1, descending from T−1: every run starts at the noisiest level (Lin et al. 2024), which matters at small S.</summary>
    Trailing,
}
