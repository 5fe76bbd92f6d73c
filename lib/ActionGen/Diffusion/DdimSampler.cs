using ActionGen.Sampling;
using TorchSharp;

namespace ActionGen.Diffusion;

/// <summary>
/// DDIM (Song et al. 2021): the same trained network, read as a non-Markovian process that jumps along a subsequence
/// of S of the T timesteps (diffusers' "leading" spacing by default, or "trailing"). η = 0 makes each update deterministic (the start is still
/// random noise, so sampled actions differ from call to call); η = 1 with S = T is DDPM.
/// </summary>
public sealed class DdimSampler : Sampler
{
    private readonly SamplerStep[] steps;

    /// <summary>A DDIM sampler with <paramref name="inferenceSteps"/> steps over <paramref name="schedule"/>.</summary>
    public DdimSampler(NoiseSchedule schedule, NetworkTarget target, int inferenceSteps, double eta = 0.0, bool clipSample = true, DdimSpacing spacing = DdimSpacing.Leading)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (target is not (NetworkTarget.Noise or NetworkTarget.CleanAction))
            throw new ArgumentOutOfRangeException(nameof(target), target, "DDIM needs a network that predicts the noise or the clean action.");
        if (!(eta is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "η must lie in [0, 1].");
        int[] timesteps = ReverseStep.DdimTimesteps(schedule.Steps, inferenceSteps, spacing);
        Spacing = spacing;
        Schedule = schedule;
        Target = target;
        Eta = eta;
        ClipSample = clipSample;
        steps = timesteps.Select((t, i) => new SamplerStep(i, t, i + 1 < timesteps.Length ? timesteps[i + 1] : -1)).ToArray();
    }

    /// <summary>The noise schedule.</summary>
    public NoiseSchedule Schedule { get; }

    /// <summary>What the network outputs.</summary>
    public NetworkTarget Target { get; }

    /// <summary>η: 0 deterministic updates, 1 DDPM-like noise.</summary>
    public double Eta { get; }

    /// <summary>Clip x̂₀ to [−1, 1] at every step, and the result.</summary>
    public bool ClipSample { get; }

    /// <summary>Which timesteps are visited.</summary>
    public DdimSpacing Spacing { get; }

    /// <inheritdoc />
    public override string Name => Spacing == DdimSpacing.Leading ? $"DDIM-{steps.Length}" : $"DDIM-{steps.Length} (trailing)";

    /// <inheritdoc />
    public override IReadOnlyList<SamplerStep> Steps => steps;

    /// <inheritdoc />
    public override bool AddsNoise => Eta > 0;

    /// <inheritdoc />
    public override torch.Tensor Step(torch.Tensor networkOutput, SamplerStep step, torch.Tensor x, torch.Tensor noise, SamplerMemory? memory = null)
    {
        int t = (int)step.Time;
        var x0 = ReverseStep.CleanAction(Schedule, x, networkOutput, Target, t, ClipSample);
        return ReverseStep.DdimFromCleanAction(Schedule, x, x0, t, (int)step.NextTime, Eta, noise);
    }

    /// <inheritdoc />
    public override torch.Tensor Finish(torch.Tensor x) => ClipSample ? x.clamp(-1, 1) : x;
}
