using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Sampling;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Diffusion;

/// <summary>
/// A diffusion policy (Chi et al. 2023, after Ho et al. 2020): noise a normalised action chunk to a random level t,
/// train ε_θ(x_t, t, s) to predict the noise by plain MSE — L = E‖ε − ε_θ(√ᾱ_t a + √(1−ᾱ_t) ε, t, s)‖² — and generate
/// actions by running the reverse process from pure noise (DDPM over all T levels, or DDIM over a few).
/// </summary>
public sealed class DiffusionPolicy : IterativePolicy
{
    private DiffusionPolicy(ResidualFilmMlp trunk, ResidualFilmMlp? emaTrunk, NoiseSchedule schedule, MinMaxNormalizer observationNormalizer,
        MinMaxNormalizer actionNormalizer, DiffusionOptions options, Device device, DiffusionPolicy? owner = null)
        : base(trunk, emaTrunk, options.EmaPower, options.SamplingInUse.Build(schedule, options.Target), observationNormalizer, actionNormalizer, device, owner)
    {
        Options = options;
        Schedule = schedule;
    }

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "diffusion";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <summary>The options it was built with.</summary>
    public DiffusionOptions Options { get; }

    /// <summary>The noise schedule.</summary>
    public NoiseSchedule Schedule { get; }

    /// <inheritdoc />
    protected override IPolicyOptions SavedOptions => Options;

    /// <summary>An untrained policy with normalisers fitted on <paramref name="data"/>.</summary>
    public static DiffusionPolicy Create(ActionDataset data, DiffusionOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(MinMaxNormalizer.Fit(data.Observations), MinMaxNormalizer.Fit(data.Actions), options, device);
    }

    /// <summary>An untrained policy with the given normalisers; weights depend only on <see cref="DiffusionOptions.Seed"/>.</summary>
    public static DiffusionPolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, DiffusionOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        options ??= new DiffusionOptions();
        options.Validate();
        var (trunk, emaTrunk) = InitializeWithSeed(options.Seed, () =>
        {
            ResidualFilmMlp Build() => new(actionNormalizer.Dim, observationNormalizer.Dim, options.Width, options.Blocks, options.TimeEmbedding);
            return (Build(), options.EmaPower is null ? null : Build());
        });
        return new DiffusionPolicy(trunk, emaTrunk, options.BuildSchedule(), observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call.</summary>
    public static (DiffusionPolicy Policy, TrainingHistory History) Train(
        ActionDataset data, DiffusionOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, Device? device = null) =>
        TrainNew(Create(data, options, device), data, training, progress);

    /// <summary>Loads a policy saved by <see cref="Policy.Save"/> (the weights it generated with: the EMA's when it kept one).</summary>
    /// <exception cref="InvalidDataException">The file is not a diffusion policy of this format, or is damaged: the message names the file.</exception>
    public static DiffusionPolicy Load(string path, Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        return WithWeightsFrom(Create(header.ObservationNormalizer, header.ActionNormalizer, ReadOptions<DiffusionOptions>(header, path), device), path, weightsOffset);
    }

    /// <summary>
    /// A view of the same network (and EMA) with another sampler, e.g. <c>WithSampling(DiffusionSampling.Ddim(10))</c>.
    /// The view does not own the network: disposing it leaves this policy working; disposing this policy ends the view too.
    /// </summary>
    public DiffusionPolicy WithSampling(DiffusionSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ThrowIfDisposed();
        var options = Options with { Sampling = sampling };
        options.Validate();
        return new DiffusionPolicy(Trunk, null, Schedule, ObservationNormalizer, ActionNormalizer, options, Device, this);
    }

    /// <summary>
    /// The denoising loss on a normalised mini-batch: t ~ U{0, …, T−1}, ε ~ N(0, I), x_t = √ᾱ_t a + √(1−ᾱ_t) ε, and the
    /// MSE between the network's output and ε (or a, for x₀-prediction). An MSE regression, hence MSE's stability.
    /// </summary>
    public override LossBreakdown Loss(Tensor observations, Tensor actions, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var timesteps = randint(0, Schedule.Steps, [actions.shape[0]], dtype: int64, device: actions.device, generator: generator); // t ~ U{0, …, T−1}
        var noise = randn(actions.shape, dtype: actions.dtype, device: actions.device, generator: generator);                     // ε ~ N(0, I)
        var noisy = Schedule.QSample(actions, timesteps, noise);                                                                   // x_t
        var predicted = Trunk.forward(noisy, timesteps.to(float32), observations);
        var target = Options.Target == NetworkTarget.Noise ? noise : actions;
        string name = Options.Target == NetworkTarget.Noise ? "noise mse" : "x0 mse";
        return LossBreakdown.OneTerm(name, nn.functional.mse_loss(predicted, target));               // ‖ε − ε_θ(x_t, t, s)‖²
    }

    /// <inheritdoc />
    protected override double NetworkTime(double samplerTime) => samplerTime; // the timestep t itself
}
