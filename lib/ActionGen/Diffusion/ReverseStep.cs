using TorchSharp;

namespace ActionGen.Diffusion;

/// <summary>Which variance the DDPM reverse step adds.</summary>
public enum DdpmVariance
{
    /// <summary>β̃_t, the true posterior variance (diffusers' "fixed_small", the default).</summary>
    Posterior,

    /// <summary>β_t (diffusers' "fixed_large"); Ho et al. report similar results.</summary>
    Beta,
}

/// <summary>
/// The reverse-process updates as pure functions of tensors, so each can be checked against its formula.
/// All work on normalised actions; x̂₀ is optionally clipped to [−1, 1] (diffusers' and LeRobot's clip_sample).
/// </summary>
public static class ReverseStep
{
    /// <summary>x̂₀ = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t, clipped to [−1, 1] when <paramref name="clip"/>.</summary>
    public static torch.Tensor PredictX0(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, bool clip)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(xt);
        double alphaBar = schedule.AlphaBars[t];
        var x0 = (xt - Math.Sqrt(1 - alphaBar) * epsilon) / Math.Sqrt(alphaBar);
        return clip ? x0.clamp(-1, 1) : x0;
    }

    /// <summary>
    /// One DDPM step t → t−1 (as diffusers' DDPMScheduler): the posterior mean
    /// μ = √ᾱ_{t−1} β_t / (1 − ᾱ_t) · x̂₀ + √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · x_t, plus √var · z for t &gt; 0.
    /// </summary>
    public static torch.Tensor Ddpm(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, torch.Tensor noise, bool clip, DdpmVariance variance = DdpmVariance.Posterior)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(noise);
        if (t < 0 || t >= schedule.Steps) throw new ArgumentOutOfRangeException(nameof(t), t, $"Expected a timestep in [0, {schedule.Steps - 1}].");
        double alphaBar = schedule.AlphaBars[t], alphaBarPrev = schedule.AlphaBarBefore(t), beta = schedule.Betas[t], alpha = schedule.Alphas[t];
        var x0 = PredictX0(schedule, xt, epsilon, t, clip);
        var mean = Math.Sqrt(alphaBarPrev) * beta / (1 - alphaBar) * x0                             // √ᾱ_{t−1} β_t/(1−ᾱ_t) · x̂₀
                 + Math.Sqrt(alpha) * (1 - alphaBarPrev) / (1 - alphaBar) * xt;                     // + √α_t (1−ᾱ_{t−1})/(1−ᾱ_t) · x_t
        if (t == 0) return mean;                                                                   // no noise at the last step
        double var = variance == DdpmVariance.Posterior ? schedule.PosteriorVariance[t] : beta;
        return mean + Math.Sqrt(var) * noise;
    }

    /// <summary>
    /// One DDIM step t → <paramref name="tPrev"/> (Song et al. 2021; diffusers' DDIMScheduler with
    /// use_clipped_model_output): ε̂ is recomputed from the (clipped) x̂₀, then
    /// x_{prev} = √ᾱ_prev x̂₀ + √(1 − ᾱ_prev − σ²) ε̂ + σ z, σ = η √((1 − ᾱ_prev)/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_prev).
    /// <paramref name="tPrev"/> = −1 means the end (ᾱ = 1).
    /// </summary>
    public static torch.Tensor Ddim(NoiseSchedule schedule, torch.Tensor xt, torch.Tensor epsilon, int t, int tPrev, double eta, torch.Tensor noise, bool clip)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(noise);
        if (t < 0 || t >= schedule.Steps || tPrev >= t || tPrev < -1)
            throw new ArgumentOutOfRangeException(nameof(tPrev), $"Expected −1 ≤ t_prev < t < {schedule.Steps}, got t = {t}, t_prev = {tPrev}.");
        if (!(eta is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "η must lie in [0, 1].");
        double alphaBar = schedule.AlphaBars[t], alphaBarPrev = tPrev < 0 ? 1.0 : schedule.AlphaBars[tPrev];
        var x0 = PredictX0(schedule, xt, epsilon, t, clip);
        var eps = (xt - Math.Sqrt(alphaBar) * x0) / Math.Sqrt(1 - alphaBar);                        // ε̂ consistent with x̂₀
        double sigma = eta * Math.Sqrt((1 - alphaBarPrev) / (1 - alphaBar)) * Math.Sqrt(1 - alphaBar / alphaBarPrev);
        var direction = Math.Sqrt(Math.Max(0, 1 - alphaBarPrev - sigma * sigma)) * eps;             // √(1 − ᾱ_prev − σ²) ε̂
        var previous = Math.Sqrt(alphaBarPrev) * x0 + direction;
        return sigma > 0 ? previous + sigma * noise : previous;
    }

    /// <summary>The DDIM timesteps for <paramref name="inferenceSteps"/> of T, descending: diffusers' "leading" spacing, t_i = i · ⌊T / S⌋.</summary>
    public static int[] DdimTimesteps(int trainSteps, int inferenceSteps)
    {
        if (inferenceSteps < 1 || inferenceSteps > trainSteps)
            throw new ArgumentOutOfRangeException(nameof(inferenceSteps), inferenceSteps, $"DDIM needs between 1 and T = {trainSteps} steps, got {inferenceSteps}.");
        int stride = trainSteps / inferenceSteps;
        return Enumerable.Range(0, inferenceSteps).Select(i => i * stride).Reverse().ToArray();
    }
}
