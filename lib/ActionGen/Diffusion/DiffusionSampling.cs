using ActionGen.Policies;
using ActionGen.Sampling;

namespace ActionGen.Diffusion;

/// <summary>
/// How a diffusion policy samples, as plain data (stored in model files): DDPM over all T noise levels, or DDIM over
/// <paramref name="Steps"/> of them. <see cref="Build"/> makes the <see cref="Sampler"/>.
/// </summary>
/// <param name="Kind">DDPM or DDIM.</param>
/// <param name="Steps">DDIM's steps S ≤ T; ignored by DDPM, which always takes all T.</param>
/// <param name="Eta">DDIM's η: 0 deterministic updates, 1 DDPM-like noise. The series uses 0 (as Diffusion Policy's DDIM config).</param>
/// <param name="Variance">DDPM's added variance.</param>
/// <param name="ClipSample">Clip x̂₀ to [−1, 1] at every step (diffusers' and LeRobot's clip_sample).</param>
/// <param name="Spacing">Which timesteps DDIM visits: "leading" (diffusers' default, Diffusion Policy's) or "trailing".</param>
public sealed record DiffusionSampling(
    DiffusionSamplerKind Kind = DiffusionSamplerKind.Ddpm,
    int Steps = 0,
    double Eta = 0.0,
    DdpmVariance Variance = DdpmVariance.Posterior,
    bool ClipSample = true,
    DdimSpacing Spacing = DdimSpacing.Leading)
{
    /// <summary>DDPM over every noise level.</summary>
    public static DiffusionSampling Ddpm(bool clipSample = true, DdpmVariance variance = DdpmVariance.Posterior) =>
        new(DiffusionSamplerKind.Ddpm, 0, 0, variance, clipSample);

    /// <summary>DDIM with <paramref name="steps"/> steps.</summary>
    public static DiffusionSampling Ddim(int steps, double eta = 0.0, bool clipSample = true, DdimSpacing spacing = DdimSpacing.Leading) =>
        new(DiffusionSamplerKind.Ddim, steps, eta, DdpmVariance.Posterior, clipSample, spacing);

    /// <summary>Throws when a setting does not fit <paramref name="noiseLevels"/> (T), naming it.</summary>
    public void Validate(int noiseLevels)
    {
        if (!Enum.IsDefined(Kind)) throw OptionChecks.OutOfRange(nameof(Kind), Kind, "Unknown diffusion sampler.");
        if (!Enum.IsDefined(Variance)) throw OptionChecks.OutOfRange(nameof(Variance), Variance, "Unknown DDPM variance.");
        if (!Enum.IsDefined(Spacing)) throw OptionChecks.OutOfRange(nameof(Spacing), Spacing, "Unknown DDIM spacing.");
        if (Kind == DiffusionSamplerKind.Ddim && (Steps < 1 || Steps > noiseLevels))
            throw OptionChecks.OutOfRange(nameof(Steps), Steps, $"DDIM needs between 1 and T = {noiseLevels} steps.");
        OptionChecks.InRange(Eta, 0, 1, nameof(Eta));
    }

    /// <summary>The sampler for a network trained with <paramref name="target"/> on <paramref name="schedule"/>.</summary>
    public Sampler Build(NoiseSchedule schedule, NetworkTarget target)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Validate(schedule.Steps);
        return Kind == DiffusionSamplerKind.Ddpm
            ? new DdpmSampler(schedule, target, ClipSample, Variance)
            : new DdimSampler(schedule, target, Steps, Eta, ClipSample, Spacing);
    }
}
