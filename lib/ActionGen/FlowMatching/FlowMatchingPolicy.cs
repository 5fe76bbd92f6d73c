using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.FlowMatching;

/// <summary>
/// A flow-matching policy, as π0's action expert (Black et al. 2024; Lipman et al. 2023; Liu et al. 2023): draw noise
/// x₀ ~ N(0, I) and a time τ, place x_τ = (1 − τ) x₀ + τ a on the straight path to the action, and regress the
/// network on the path's velocity by plain MSE, L = E‖v_θ(x_τ, τ, s) − (a − x₀)‖². The minimiser is the marginal
/// velocity E[a − x₀ | x_τ, τ, s] — the conditional-mean argument of MSE regression again. Actions come from
/// integrating dx/dτ = v_θ from noise at τ = 0 to τ = 1 in a few Euler (or Heun) steps. LeRobot's pi0 and SmolVLA
/// policies train and sample the same way (π0's time convention, τ = 1 − t; 10 Euler steps), with a transformer
/// action expert on a vision-language model in place of this MLP.
/// </summary>
public sealed class FlowMatchingPolicy : IterativePolicy
{
    /// <summary>The network sees 1000 τ, so its time input spans the range diffusion's timesteps do.</summary>
    public const double TimeScale = 1000;

    private FlowMatchingPolicy(ResidualFilmMlp trunk, ResidualFilmMlp? emaTrunk, MinMaxNormalizer observationNormalizer,
        MinMaxNormalizer actionNormalizer, FlowMatchingOptions options, Device device, FlowMatchingPolicy? owner = null)
        : base(trunk, emaTrunk, options.EmaPower, options.SamplingInUse.Build(), observationNormalizer, actionNormalizer, device, owner) =>
        Options = options;

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "flow";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <summary>The options it was built with.</summary>
    public FlowMatchingOptions Options { get; }

    /// <inheritdoc />
    protected override IPolicyOptions SavedOptions => Options;

    /// <summary>An untrained policy with normalisers fitted on <paramref name="data"/>.</summary>
    public static FlowMatchingPolicy Create(ActionDataset data, FlowMatchingOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(MinMaxNormalizer.Fit(data.Observations), MinMaxNormalizer.Fit(data.Actions), options, device);
    }

    /// <summary>An untrained policy with the given normalisers; weights depend only on <see cref="FlowMatchingOptions.Seed"/>.</summary>
    public static FlowMatchingPolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, FlowMatchingOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        options ??= new FlowMatchingOptions();
        options.Validate();
        var (trunk, emaTrunk) = InitializeWithSeed(options.Seed, () =>
        {
            ResidualFilmMlp Build() => new(actionNormalizer.Dim, observationNormalizer.Dim, options.Width, options.Blocks, options.TimeEmbedding);
            return (Build(), options.EmaPower is null ? null : Build());
        });
        return new FlowMatchingPolicy(trunk, emaTrunk, observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call.</summary>
    public static (FlowMatchingPolicy Policy, TrainingHistory History) Train(
        ActionDataset data, FlowMatchingOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, Device? device = null) =>
        TrainNew(Create(data, options, device), data, training, progress);

    /// <summary>Loads a policy saved by <see cref="Policy.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a flow-matching policy of this format, or is damaged: the message names the file.</exception>
    public static FlowMatchingPolicy Load(string path, Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        return WithWeightsFrom(Create(header.ObservationNormalizer, header.ActionNormalizer, ReadOptions<FlowMatchingOptions>(header, path), device), path, weightsOffset);
    }

    /// <summary>A view of the same network (and EMA) with another solver or step count; it does not own the network.</summary>
    public FlowMatchingPolicy WithSampling(FlowSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ThrowIfDisposed();
        var options = Options with { Sampling = sampling };
        options.Validate();
        return new FlowMatchingPolicy(Trunk, null, ObservationNormalizer, ActionNormalizer, options, Device, this);
    }

    /// <summary>
    /// The flow-matching loss on a normalised mini-batch: τ from <see cref="FlowMatchingOptions.TimeSampling"/>,
    /// x₀ ~ N(0, I), x_τ = (1 − τ) x₀ + τ a, and the MSE between v_θ(x_τ, τ, s) and a − x₀.
    /// </summary>
    public override LossBreakdown Loss(Tensor observations, Tensor actions, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var times = FlowTimes.Sample(Options.TimeSampling, actions.shape[0], actions.device, generator);                 // τ
        var noise = randn(actions.shape, dtype: actions.dtype, device: actions.device, generator: generator);          // x₀ ~ N(0, I)
        var onPath = FlowPath.Interpolate(noise, actions, times);                                                      // x_τ
        var predicted = Trunk.forward(onPath, times * TimeScale, observations);                                        // v_θ(x_τ, τ, s)
        return LossBreakdown.OneTerm("velocity mse", nn.functional.mse_loss(predicted, FlowPath.TargetVelocity(noise, actions))); // ‖v_θ − (a − x₀)‖²
    }

    /// <inheritdoc />
    protected override double NetworkTime(double samplerTime) => samplerTime * TimeScale;
}
