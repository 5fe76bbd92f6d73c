namespace ActionGen.Diffusion;

/// <summary>Which noise schedule a diffusion policy trains with.</summary>
public enum NoiseScheduleKind
{
    /// <summary>Nichol &amp; Dhariwal's cosine schedule (diffusers' squaredcos_cap_v2): Diffusion Policy's and LeRobot's choice.</summary>
    Cosine,

    /// <summary>Ho et al.'s linear β schedule, 1e-4 → 0.02 (made for T = 1000).</summary>
    Linear,
}
