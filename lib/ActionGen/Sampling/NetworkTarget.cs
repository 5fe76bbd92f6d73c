namespace ActionGen.Sampling;

/// <summary>What the network of an iterative policy is trained to output; its sampler turns that into an update.</summary>
public enum NetworkTarget
{
    /// <summary>The noise ε that was added (Ho et al. 2020; Diffusion Policy's and LeRobot's default).</summary>
    Noise,

    /// <summary>The clean action x₀ itself (diffusers' "sample" prediction type).</summary>
    CleanAction,

    /// <summary>The velocity of a probability path, dx/dτ (flow matching).</summary>
    Velocity,
}
