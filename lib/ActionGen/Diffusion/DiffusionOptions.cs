namespace ActionGen.Diffusion;

/// <summary>
/// Options of the diffusion policy. Defaults follow Diffusion Policy's state-based Push-T setup and LeRobot:
/// T = 100 training steps, the cosine (<c>squaredcos_cap_v2</c>) schedule, ε-prediction, x̂₀ clipped to [−1, 1] on
/// min-max-normalised actions. The denoiser is a residual MLP with FiLM conditioning instead of their 1-D temporal
/// U-Net: the series' actions are short, low-dimensional chunks.
/// </summary>
/// <param name="TrainSteps">T.</param>
/// <param name="CosineSchedule">Cosine schedule (true) or Ho et al.'s linear one.</param>
/// <param name="Prediction">ε or x₀.</param>
/// <param name="ClipSample">Clip x̂₀ to [−1, 1] at every reverse step.</param>
/// <param name="Sampler">DDPM or DDIM at run time.</param>
/// <param name="InferenceSteps">DDIM steps (ignored by DDPM, which uses all T).</param>
/// <param name="Eta">DDIM's η: 0 deterministic, 1 DDPM-like.</param>
/// <param name="Variance">DDPM's added variance.</param>
/// <param name="Width">Hidden width of the residual blocks.</param>
/// <param name="Blocks">Residual blocks.</param>
/// <param name="TimeEmbedding">Size of the sinusoidal timestep embedding.</param>
/// <param name="EmaPower">When set, keep an exponential moving average of the weights with Diffusion Policy's warm-up
/// decay 1 − (1 + step)^−power (DP: 0.75), capped at 0.9999, and sample with it. Off by default (as in LeRobot).</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record DiffusionOptions(
    int TrainSteps = 100,
    bool CosineSchedule = true,
    Prediction Prediction = Prediction.Epsilon,
    bool ClipSample = true,
    Sampler Sampler = Sampler.Ddpm,
    int InferenceSteps = 10,
    double Eta = 0.0,
    DdpmVariance Variance = DdpmVariance.Posterior,
    int Width = 256,
    int Blocks = 3,
    int TimeEmbedding = 32,
    double? EmaPower = null,
    int Seed = 0)
{
    /// <summary>The schedule these options describe.</summary>
    public NoiseSchedule Schedule() => CosineSchedule ? NoiseSchedule.Cosine(TrainSteps) : NoiseSchedule.Linear(TrainSteps);

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TrainSteps, 2, nameof(TrainSteps));
        if (InferenceSteps < 1 || InferenceSteps > TrainSteps)
            throw new ArgumentOutOfRangeException(nameof(InferenceSteps), InferenceSteps, $"DDIM needs between 1 and T = {TrainSteps} steps.");
        if (!(Eta is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Eta), Eta, "η must lie in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfNegative(Blocks, nameof(Blocks));
        if (TimeEmbedding < 2 || TimeEmbedding % 2 != 0) throw new ArgumentOutOfRangeException(nameof(TimeEmbedding), TimeEmbedding, "The timestep embedding needs an even size ≥ 2.");
        if (EmaPower is <= 0) throw new ArgumentOutOfRangeException(nameof(EmaPower), EmaPower, "The EMA power must be positive (or null).");
    }
}
