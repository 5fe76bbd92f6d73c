using System.Text.Json.Nodes;
using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Diffusion;

/// <summary>
/// A diffusion policy (Chi et al. 2023, after Ho et al. 2020): noise a normalised action chunk to a random step t,
/// train ε_θ(x_t, t, s) to predict the noise by plain MSE — L = E‖ε − ε_θ(√ᾱ_t a + √(1−ᾱ_t) ε, t, s)‖² — and generate
/// actions by running the reverse process from pure noise (DDPM over all T steps, or DDIM over a few).
/// </summary>
public sealed class DiffusionPolicy : Policy, IAfterOptimizerStep
{
    private readonly Denoiser denoiser;
    private readonly Denoiser? emaDenoiser;
    private readonly ExponentialMovingAverage? ema;

    private DiffusionPolicy(Denoiser denoiser, Denoiser? emaDenoiser, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, DiffusionOptions options, Device device)
        : base(denoiser, observationNormalizer, actionNormalizer, device)
    {
        this.denoiser = denoiser;
        this.emaDenoiser = emaDenoiser;
        Options = options;
        Schedule = options.Schedule();
        if (emaDenoiser is not null && options.EmaPower is double power)
        {
            emaDenoiser.to(device);
            ema = new ExponentialMovingAverage(denoiser, emaDenoiser, power);
            ema.Reset();
        }
    }

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "diffusion";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <inheritdoc />
    public override ActionOutput Output => Options.Sampler == Sampler.Ddim && Options.Eta == 0 ? ActionOutput.PointEstimate : ActionOutput.Sample;

    /// <summary>The options it was built with.</summary>
    public DiffusionOptions Options { get; }

    /// <summary>The noise schedule.</summary>
    public NoiseSchedule Schedule { get; }

    /// <summary>An untrained policy with normalisers fitted on <paramref name="data"/>.</summary>
    public static DiffusionPolicy Create(ActionDataset data, DiffusionOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(MinMaxNormalizer.Fit(data.Observations), MinMaxNormalizer.Fit(data.Actions), options, device);
    }

    /// <summary>An untrained policy with the given normalisers.</summary>
    public static DiffusionPolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, DiffusionOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        options ??= new DiffusionOptions();
        options.Validate();
        TorchRuntime.Initialize();
        manual_seed(options.Seed);
        Denoiser Build() => new(actionNormalizer.Dim, observationNormalizer.Dim, options.Width, options.Blocks, options.TimeEmbedding);
        var denoiser = Build();
        var emaDenoiser = options.EmaPower is null ? null : Build();
        return new DiffusionPolicy(denoiser, emaDenoiser, observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call.</summary>
    public static (DiffusionPolicy Policy, TrainingHistory History) Train(
        ActionDataset data, DiffusionOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, Device? device = null) =>
        TrainNew(Create(data, options, device), data, training, progress);

    /// <summary>The same weights with another sampler (shares the network; do not dispose both).</summary>
    public DiffusionPolicy WithSampler(Sampler sampler, int inferenceSteps = 10, double eta = 0.0) =>
        new(denoiser, null, ObservationNormalizer, ActionNormalizer, Options with { Sampler = sampler, InferenceSteps = inferenceSteps, Eta = eta }, Device)
        { sharedEma = ema ?? sharedEma };

    /// <summary>The EMA of the policy this one was derived from by <see cref="WithSampler"/>, if it kept one.</summary>
    private ExponentialMovingAverage? sharedEma;

    /// <summary>
    /// The denoising loss on a normalised mini-batch: t ~ U{0, …, T−1}, ε ~ N(0, I), x_t = √ᾱ_t a + √(1−ᾱ_t) ε, and the
    /// MSE between the network's output and ε (or a, for x₀-prediction). An MSE regression, hence MSE's stability.
    /// </summary>
    public override LossBreakdown Loss(Tensor observations, Tensor actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var timesteps = randint(0, Schedule.Steps, [actions.shape[0]], dtype: int64, device: actions.device);
        var noise = randn_like(actions);
        var noisy = Schedule.QSample(actions, timesteps, noise);
        var predicted = denoiser.forward(noisy, timesteps, observations);
        var target = Options.Prediction == Prediction.Epsilon ? noise : actions;
        string name = Options.Prediction == Prediction.Epsilon ? "noise mse" : "x0 mse";
        return LossBreakdown.OneTerm(name, nn.functional.mse_loss(predicted, target));               // ‖ε − ε_θ(x_t, t, s)‖²
    }

    /// <inheritdoc />
    public void AfterOptimizerStep(int stepNumber) => ema?.Update(stepNumber);

    /// <inheritdoc />
    protected override Tensor ActNormalized(Tensor observations) => Denoise(observations, null);

    /// <summary>
    /// Runs the reverse process for normalised observations [B, ds] from x_T ~ N(0, I); when <paramref name="trajectory"/>
    /// is given, every intermediate x_t (normalised, on the CPU) is appended to it, x_T first.
    /// </summary>
    public Tensor Denoise(Tensor observations, IList<Tensor>? trajectory)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var network = (sharedEma ?? ema)?.Shadow as Denoiser ?? denoiser;
        network.eval();
        long b = observations.shape[0];
        var x = randn(b, ActionDim, device: observations.device);
        trajectory?.Add(x.detach().cpu().MoveToOuterDisposeScope());
        int[] timesteps = Options.Sampler == Sampler.Ddpm
            ? Enumerable.Range(0, Schedule.Steps).Reverse().ToArray()
            : ReverseStep.DdimTimesteps(Schedule.Steps, Options.InferenceSteps);
        for (int i = 0; i < timesteps.Length; i++)
        {
            using var scope = NewDisposeScope();
            int t = timesteps[i];
            var epsilon = Epsilon(network, x, t, observations);
            var noise = randn_like(x);
            var next = Options.Sampler == Sampler.Ddpm
                ? ReverseStep.Ddpm(Schedule, x, epsilon, t, noise, Options.ClipSample, Options.Variance)
                : ReverseStep.Ddim(Schedule, x, epsilon, t, i + 1 < timesteps.Length ? timesteps[i + 1] : -1, Options.Eta, noise, Options.ClipSample);
            x = next.MoveToOuterDisposeScope();
            trajectory?.Add(x.detach().cpu().MoveToOuterDisposeScope());
        }
        return Options.ClipSample ? x.clamp(-1, 1) : x;
    }

    private Tensor Epsilon(Denoiser network, Tensor x, int t, Tensor observations)
    {
        var timesteps = full([x.shape[0]], t, dtype: int64, device: x.device);
        var output = network.forward(x, timesteps, observations);
        if (Options.Prediction == Prediction.Epsilon) return output;
        double alphaBar = Schedule.AlphaBars[t];
        return (x - Math.Sqrt(alphaBar) * output) / Math.Sqrt(1 - alphaBar);                       // ε = (x_t − √ᾱ x₀) / √(1−ᾱ)
    }

    /// <inheritdoc />
    public override void Save(string path)
    {
        var o = Options;
        var options = new JsonObject
        {
            ["train_steps"] = o.TrainSteps, ["cosine"] = o.CosineSchedule, ["prediction"] = o.Prediction.ToString(), ["clip_sample"] = o.ClipSample,
            ["sampler"] = o.Sampler.ToString(), ["inference_steps"] = o.InferenceSteps, ["eta"] = o.Eta, ["variance"] = o.Variance.ToString(),
            ["width"] = o.Width, ["blocks"] = o.Blocks, ["time_embedding"] = o.TimeEmbedding, ["seed"] = o.Seed,
        };
        // The sampling network is saved: the EMA weights when an EMA is kept.
        var network = ema?.Shadow ?? denoiser;
        PolicyFile.Write(path, new PolicyHeader(Method, PolicyFile.FormatVersion, ObservationNormalizer, ActionNormalizer, options), network);
    }

    /// <summary>Loads a policy saved by <see cref="Save"/> (the EMA weights, if it kept them, as its weights).</summary>
    /// <exception cref="InvalidDataException">The file is not a diffusion policy of this format.</exception>
    public static DiffusionPolicy Load(string path, Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        var j = header.Options;
        var options = new DiffusionOptions(
            TrainSteps: (int)j["train_steps"]!, CosineSchedule: (bool)j["cosine"]!, Prediction: Enum.Parse<Prediction>((string)j["prediction"]!),
            ClipSample: (bool)j["clip_sample"]!, Sampler: Enum.Parse<Sampler>((string)j["sampler"]!), InferenceSteps: (int)j["inference_steps"]!,
            Eta: (double)j["eta"]!, Variance: Enum.Parse<DdpmVariance>((string)j["variance"]!), Width: (int)j["width"]!, Blocks: (int)j["blocks"]!,
            TimeEmbedding: (int)j["time_embedding"]!, Seed: (int)j["seed"]!);
        var policy = Create(header.ObservationNormalizer, header.ActionNormalizer, options, device);
        PolicyFile.ReadWeights(path, weightsOffset, policy.Network);
        return policy;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) emaDenoiser?.Dispose();
        base.Dispose(disposing);
    }
}
