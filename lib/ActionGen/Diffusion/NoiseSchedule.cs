using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.Diffusion;

/// <summary>
/// A discrete diffusion noise schedule over T steps, indexed t = 0 … T−1 as in diffusers: β_t, α_t = 1 − β_t,
/// ᾱ_t = Π_{s ≤ t} α_s, and the posterior variance β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t (with ᾱ_{−1} = 1).
/// </summary>
public sealed class NoiseSchedule
{
    private NoiseSchedule(string name, double[] betas)
    {
        Name = name;
        Betas = betas;
        Alphas = betas.Select(b => 1 - b).ToArray();
        AlphaBars = new double[betas.Length];
        double product = 1;
        for (int t = 0; t < betas.Length; t++) AlphaBars[t] = product *= Alphas[t];            // ᾱ_t = Π α_s
        PosteriorVariance = Enumerable.Range(0, betas.Length)
            .Select(t => (1 - AlphaBarBefore(t)) / (1 - AlphaBars[t]) * betas[t]).ToArray();  // β̃_t
    }

    /// <summary>"linear" or "cosine".</summary>
    public string Name { get; }

    /// <summary>T, the number of noise levels (diffusion steps); timesteps are 0 … T−1.</summary>
    public int Steps => Betas.Length;

    /// <summary>β_t.</summary>
    public double[] Betas { get; }

    /// <summary>α_t = 1 − β_t.</summary>
    public double[] Alphas { get; }

    /// <summary>ᾱ_t = Π_{s ≤ t} α_s.</summary>
    public double[] AlphaBars { get; }

    /// <summary>β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t, the variance of q(x_{t−1} | x_t, x₀).</summary>
    public double[] PosteriorVariance { get; }

    /// <summary>ᾱ_{t−1}, with ᾱ_{−1} = 1 (diffusers' set_alpha_to_one).</summary>
    public double AlphaBarBefore(int t) => t <= 0 ? 1.0 : AlphaBars[t - 1];

    /// <summary>The schedule of <paramref name="kind"/> over <paramref name="steps"/> levels, with the reference defaults.</summary>
    public static NoiseSchedule Of(NoiseScheduleKind kind, int steps) => kind switch
    {
        NoiseScheduleKind.Cosine => Cosine(steps),
        NoiseScheduleKind.Linear => Linear(steps),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown noise schedule."),
    };

    /// <summary>Ho et al. (2020): β linear from <paramref name="betaStart"/> to <paramref name="betaEnd"/> (1e-4 → 0.02 for T = 1000).</summary>
    public static NoiseSchedule Linear(int steps, double betaStart = 1e-4, double betaEnd = 0.02)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        if (!(0 < betaStart && betaStart < betaEnd && betaEnd < 1))
            throw new ArgumentOutOfRangeException(nameof(betaEnd), $"Expected 0 < β_start < β_end < 1, got {betaStart} and {betaEnd}.");
        return new NoiseSchedule("linear", Enumerable.Range(0, steps).Select(t => betaStart + (betaEnd - betaStart) * t / (steps - 1)).ToArray());
    }

    /// <summary>
    /// Nichol &amp; Dhariwal (2021), diffusers' <c>squaredcos_cap_v2</c>: ᾱ(t) = f(t)/f(0), f(t) = cos²(((t/T + s)/(1 + s)) · π/2),
    /// β_t = min(1 − ᾱ(t+1)/ᾱ(t), <paramref name="maxBeta"/>). Diffusion Policy and LeRobot use it with T = 100.
    /// </summary>
    public static NoiseSchedule Cosine(int steps, double s = 0.008, double maxBeta = 0.999)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        double F(double t) => Math.Pow(Math.Cos((t / steps + s) / (1 + s) * Math.PI / 2), 2);
        return new NoiseSchedule("cosine", Enumerable.Range(0, steps).Select(t => Math.Min(1 - F(t + 1) / F(t), maxBeta)).ToArray());
    }

    /// <summary>
    /// q(x_t | x₀) in closed form: x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, for x₀ [B, D], timesteps [B] (int64), noise [B, D].
    /// </summary>
    public torch.Tensor QSample(torch.Tensor x0, torch.Tensor timesteps, torch.Tensor noise)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(timesteps);
        ArgumentNullException.ThrowIfNull(noise);
        if (!x0.shape.SequenceEqual(noise.shape)) throw new ArgumentException($"Expected noise of shape [{string.Join(", ", x0.shape)}], got [{string.Join(", ", noise.shape)}].", nameof(noise));
        if (timesteps.dim() != 1 || timesteps.shape[0] != x0.shape[0]) throw new ArgumentException($"Expected one timestep per row ([{x0.shape[0]}]), got [{string.Join(", ", timesteps.shape)}].", nameof(timesteps));
        using var alphaBars = torch.tensor(AlphaBars, dtype: x0.dtype, device: x0.device);
        var alphaBar = alphaBars.index_select(0, timesteps).unsqueeze(1);
        return alphaBar.sqrt() * x0 + (1 - alphaBar).sqrt() * noise;                                 // √ᾱ_t x₀ + √(1−ᾱ_t) ε
    }
}
