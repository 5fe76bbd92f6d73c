using ActionGen.Runtime;
using ActionGen.Sampling;
using TorchSharp;

namespace ActionGen.Diffusion;

/// <summary>
/// The reverse-process updates as pure functions of tensors, so each can be checked against its formula. Timesteps are
/// 0-based as in diffusers: the paper's t = 1 … T is the code's t = 0 … T−1, and "t − 1" of the last step is −1, where
/// ᾱ = 1 (the clean action). All work on normalised actions; x̂₀ is optionally clipped to [−1, 1] (diffusers' and
/// LeRobot's clip_sample, which assumes min-max normalisation to that range).
/// </summary>
public static class ReverseStep
{
    /// <summary>x̂₀ = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t, clipped to [−1, 1] when <paramref name="clip"/>.</summary>
    public static torch.Tensor PredictX0(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, bool clip) =>
        CleanAction(schedule, xt, epsilon, NetworkTarget.Noise, t, clip);

    /// <summary>
    /// x̂₀ from what the network output: from a noise prediction ε̂ by x̂₀ = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t, or the output
    /// itself for a clean-action network; clipped to [−1, 1] when <paramref name="clip"/>.
    /// </summary>
    public static torch.Tensor CleanAction(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor networkOutput, NetworkTarget target, int t, bool clip)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(xt);
        ArgumentNullException.ThrowIfNull(networkOutput);
        CheckTimestep(schedule, t);
        CheckSameShape(xt, networkOutput, nameof(networkOutput));
        double alphaBar = schedule.AlphaBars[t];
        var x0 = target switch
        {
            NetworkTarget.Noise => (xt - Math.Sqrt(1 - alphaBar) * networkOutput) / Math.Sqrt(alphaBar),   // x̂₀ = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t
            NetworkTarget.CleanAction => networkOutput,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "A diffusion network predicts the noise or the clean action."),
        };
        return clip ? x0.clamp(-1, 1) : x0;
    }

    /// <summary>
    /// One DDPM step t → t−1 from a noise prediction (as diffusers' DDPMScheduler): x̂₀ from ε̂, then the posterior
    /// mean and √var · z for t &gt; 0 (see <see cref="DdpmFromCleanAction"/>).
    /// </summary>
    public static torch.Tensor Ddpm(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, torch.Tensor noise, bool clip, DdpmVariance variance = DdpmVariance.Posterior) =>
        DdpmFromCleanAction(schedule, xt, PredictX0(schedule, xt, epsilon, t, clip), t, noise, variance);

    /// <summary>
    /// One DDPM step t → t−1 given x̂₀: the mean of q(x_{t−1} | x_t, x̂₀),
    /// μ = √ᾱ_{t−1} β_t / (1 − ᾱ_t) · x̂₀ + √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · x_t, plus √var · z for t &gt; 0.
    /// With x̂₀ written through ε̂ this is Ho et al.'s μ_θ = (x_t − β_t/√(1 − ᾱ_t) · ε̂)/√α_t (tested identity).
    /// </summary>
    public static torch.Tensor DdpmFromCleanAction(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor x0, int t, torch.Tensor noise, DdpmVariance variance = DdpmVariance.Posterior)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(xt);
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(noise);
        CheckTimestep(schedule, t);
        CheckSameShape(xt, noise, nameof(noise));
        double alphaBar = schedule.AlphaBars[t], alphaBarPrev = schedule.AlphaBarBefore(t), beta = schedule.Betas[t], alpha = schedule.Alphas[t];
        var mean = Math.Sqrt(alphaBarPrev) * beta / (1 - alphaBar) * x0                             // √ᾱ_{t−1} β_t/(1−ᾱ_t) · x̂₀
                 + Math.Sqrt(alpha) * (1 - alphaBarPrev) / (1 - alphaBar) * xt;                     // + √α_t (1−ᾱ_{t−1})/(1−ᾱ_t) · x_t
        if (t == 0) return mean;                                                                   // no noise at the last step
        double var = variance == DdpmVariance.Posterior ? schedule.PosteriorVariance[t] : beta;
        return mean + Math.Sqrt(var) * noise;
    }

    /// <summary>One DDIM step t → <paramref name="tPrev"/> from a noise prediction (see <see cref="DdimFromCleanAction"/>).</summary>
    public static torch.Tensor Ddim(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, int tPrev, double eta, torch.Tensor noise, bool clip) =>
        DdimFromCleanAction(schedule, xt, PredictX0(schedule, xt, epsilon, t, clip), t, tPrev, eta, noise);

    /// <summary>
    /// One DDIM step t → <paramref name="tPrev"/> given x̂₀ (Song et al. 2021; diffusers' DDIMScheduler with
    /// use_clipped_model_output): ε̂ is recomputed from x̂₀, then
    /// x_{prev} = √ᾱ_prev x̂₀ + √(1 − ᾱ_prev − σ²) ε̂ + σ z, σ = η √((1 − ᾱ_prev)/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_prev).
    /// <paramref name="tPrev"/> = −1 means the end (ᾱ = 1).
    /// </summary>
    public static torch.Tensor DdimFromCleanAction(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor x0, int t, int tPrev, double eta, torch.Tensor noise)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(xt);
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(noise);
        if (t < 0 || t >= schedule.Steps || tPrev >= t || tPrev < -1)
            throw new ArgumentOutOfRangeException(nameof(tPrev), $"Expected −1 ≤ t_prev < t < {schedule.Steps}, got t = {t}, t_prev = {tPrev}.");
        if (!(eta is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "η must lie in [0, 1].");
        CheckSameShape(xt, noise, nameof(noise));
        double alphaBar = schedule.AlphaBars[t], alphaBarPrev = tPrev < 0 ? 1.0 : schedule.AlphaBars[tPrev];
        var eps = (xt - Math.Sqrt(alphaBar) * x0) / Math.Sqrt(1 - alphaBar);                        // ε̂ consistent with x̂₀
        double sigma = eta * Math.Sqrt((1 - alphaBarPrev) / (1 - alphaBar)) * Math.Sqrt(1 - alphaBar / alphaBarPrev);
        var direction = Math.Sqrt(Math.Max(0, 1 - alphaBarPrev - sigma * sigma)) * eps;             // √(1 − ᾱ_prev − σ²) ε̂
        var previous = Math.Sqrt(alphaBarPrev) * x0 + direction;
        return sigma > 0 ? previous + sigma * noise : previous;
    }

    /// <summary>The DDIM timesteps for <paramref name="inferenceSteps"/> of T, descending, with diffusers' "leading" spacing: t_i = i · ⌊T / S⌋.</summary>
    public static int[] DdimTimesteps(int noiseLevels, int inferenceSteps) => DdimTimesteps(noiseLevels, inferenceSteps, DdimSpacing.Leading);

    /// <summary>
    /// The DDIM timesteps for <paramref name="inferenceSteps"/> of T, descending: "leading" t_i = i · ⌊T / S⌋, or "trailing"
    /// t_i = round(T − i · T/S) − 1 (diffusers' two spacings).
    /// </summary>
    public static int[] DdimTimesteps(int noiseLevels, int inferenceSteps, DdimSpacing spacing)
    {
        if (inferenceSteps < 1 || inferenceSteps > noiseLevels)
            throw new ArgumentOutOfRangeException(nameof(inferenceSteps), inferenceSteps, $"DDIM needs between 1 and T = {noiseLevels} steps, got {inferenceSteps}.");
        return spacing switch
        {
            DdimSpacing.Leading => Enumerable.Range(0, inferenceSteps).Select(i => i * (noiseLevels / inferenceSteps)).Reverse().ToArray(),
            DdimSpacing.Trailing => Enumerable.Range(0, inferenceSteps)
                .Select(i => (int)Math.Round(noiseLevels - i * (double)noiseLevels / inferenceSteps, MidpointRounding.ToEven) - 1).ToArray(), // round(T − i·T/S) − 1
            _ => throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Unknown DDIM spacing."),
        };
    }

    private static void CheckTimestep(NoiseSchedule schedule, int t)
    {
        if (t < 0 || t >= schedule.Steps) throw new ArgumentOutOfRangeException(nameof(t), t, $"Expected a timestep in [0, {schedule.Steps - 1}] (0-based: the paper's t = 1 … T).");
    }

    private static void CheckSameShape(torch.Tensor expected, torch.Tensor actual, string name)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            throw new ArgumentException($"Expected {name} of shape [{string.Join(", ", expected.shape)}] (like x_t), got [{string.Join(", ", actual.shape)}].", name);
    }
}
