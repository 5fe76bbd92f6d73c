using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Mdn;

/// <summary>
/// A mixture density network (Bishop 1994): an MLP whose output parameterises
/// p(a | s) = Σₖ πₖ(s) N(a; μₖ(s), diag σₖ(s)²), trained by the negative log-likelihood. See <see cref="MdnOptions"/>
/// for the knobs and which reference each default follows.
/// </summary>
public sealed class MdnPolicy : Policy
{
    private readonly Mlp mlp;

    private MdnPolicy(Mlp mlp, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, MdnOptions options, Device device, MdnPolicy? owner = null)
        : base(mlp, observationNormalizer, actionNormalizer, device, owner)
    {
        this.mlp = mlp;
        Options = options;
    }

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "mdn";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <inheritdoc />
    public override ActionOutput Output => Options.Sampling == MixtureSampling.Sample ? ActionOutput.Sample : ActionOutput.PointEstimate;

    /// <summary>The options it was built with.</summary>
    public MdnOptions Options { get; }

    /// <inheritdoc />
    protected override IPolicyOptions SavedOptions => Options;

    /// <summary>An untrained policy with normalisers fitted on <paramref name="data"/>.</summary>
    public static MdnPolicy Create(ActionDataset data, MdnOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(MinMaxNormalizer.Fit(data.Observations), MinMaxNormalizer.Fit(data.Actions), options, device);
    }

    /// <summary>An untrained policy with the given normalisers.</summary>
    public static MdnPolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, MdnOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        options ??= new MdnOptions();
        options.Validate();
        int k = options.Components, d = actionNormalizer.Dim;
        var mlp = InitializeWithSeed(options.Seed, () => new Mlp(observationNormalizer.Dim, options.Widths, k + 2 * k * d)); // logits, means, σ parameters
        return new MdnPolicy(mlp, observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call.</summary>
    public static (MdnPolicy Policy, TrainingHistory History) Train(
        ActionDataset data, MdnOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, Device? device = null) =>
        TrainNew(Create(data, options, device), data, training, progress);

    /// <summary>
    /// A view of the same network with other sampling settings. The view shares the weights and does not own them:
    /// disposing it leaves this policy working; disposing this policy ends the view too.
    /// </summary>
    public MdnPolicy WithSampling(MixtureSampling sampling, double weightTemperature = 1.0, double stdScale = 1.0)
    {
        ThrowIfDisposed();
        var options = Options with { Sampling = sampling, WeightTemperature = weightTemperature, StdScale = stdScale };
        options.Validate();
        return new(mlp, ObservationNormalizer, ActionNormalizer, options, Device, this);
    }

    /// <summary>The mixture for normalised observations [B, ds].</summary>
    public MixtureParameters Mixture(Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        long b = observations.shape[0];
        int k = Options.Components, d = ActionDim;
        var raw = mlp.forward(observations);
        var logits = raw.narrow(1, 0, k);
        var meanRaw = raw.narrow(1, k, k * d).reshape(b, k, d);
        var stdRaw = raw.narrow(1, k + k * d, k * d).reshape(b, k, d);
        var means = Options.TanhMeans ? tanh(meanRaw) : meanRaw;                 // μ ∈ (−1, 1) with tanh
        var logStd = Options.Std switch
        {
            StdParameterization.Exp when Options.MinStd == 0 => stdRaw,          // log σ = x, σ = exp(x)
            StdParameterization.Exp => log(exp(stdRaw) + Options.MinStd),        // σ = exp(x) + σ_min
            StdParameterization.SoftplusPlusMin => log(nn.functional.softplus(stdRaw) + Options.MinStd), // σ = softplus(x) + σ_min
            StdParameterization.EluPlusOne => log(nn.functional.elu(stdRaw, 1.0) + 1 + Options.MinStd),       // σ = ELU(x) + 1 + σ_min
            _ => throw new InvalidOperationException($"Unknown σ parameterisation {Options.Std}."),
        };
        if (Options.LogStdClamp is double c) logStd = logStd.clamp(-c, c);
        return new MixtureParameters(logits, means, logStd);
    }

    /// <summary>The mean NLL, with the mixture's parts as terms so a non-finite value is traced to where it started.</summary>
    public override LossBreakdown Loss(Tensor observations, Tensor actions, Generator? generator = null)
    {
        var m = Mixture(observations);
        var nll = (Options.StableLikelihood ? MixtureNll.Stable(m.Logits, m.Means, m.LogStd, actions) : MixtureNll.Naive(m.Logits, m.Means, m.LogStd, actions)).mean();
        return new LossBreakdown(nll, [("weight logits", m.Logits.abs().max()), ("means", m.Means.abs().max()), ("log σ", m.LogStd.abs().max()), ("nll", nll)]);
    }

    /// <summary>Per-observation NLL of normalised actions [B] (for held-out evaluation), always computed the stable way.</summary>
    public Tensor NegativeLogLikelihood(Tensor observations, Tensor actions)
    {
        var m = Mixture(observations);
        return MixtureNll.Stable(m.Logits, m.Means, m.LogStd, actions);
    }

    /// <inheritdoc />
    protected override Tensor ActNormalized(Tensor observations) =>
        MixtureSampler.Sample(Mixture(observations), Options.Sampling, Options.WeightTemperature, Options.StdScale);

    /// <summary>
    /// log p(a | s) in raw units for raw observations [B, ds] and actions [B, da]: the normalised-space density
    /// corrected by the normaliser's Jacobian, log p_raw = log p_norm − Σ_d log(half-range_d).
    /// </summary>
    public Tensor LogDensity(Tensor observations, Tensor actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        ValidateObservations(observations);
        ValidateActions(actions, observations.shape[0]);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var s = EvaluationInput(observations);
        var a = ActionNormalizer.Normalize(actions.to(float32).to(Device));
        double logJacobian = ActionNormalizer.HalfRange.Sum(Math.Log);                             // Σ_d log(half-range_d)
        return (-NegativeLogLikelihood(s, a) - logJacobian).to(observations.device).MoveToOuterDisposeScope();
    }

    /// <summary>The mixture for raw observations [B, ds], in raw action units: weights [B][K], means and σ [B][K][D].</summary>
    public MixtureComponents Components(Tensor observations)
    {
        ValidateObservations(observations);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var m = Mixture(EvaluationInput(observations));
        long b = m.Logits.shape[0], k = m.Components, d = m.Dim;
        var weights = nn.functional.softmax(m.Logits, 1).to(float64).cpu().data<double>().ToArray();
        var means = ActionNormalizer.Denormalize(m.Means.reshape(b * k, d)).to(float64).cpu().data<double>().ToArray();
        var halfRange = tensor(ActionNormalizer.HalfRange.ToArray(), float64, Device);
        var std = (exp(m.LogStd.to(float64)) * halfRange).cpu().data<double>().ToArray(); // σ_raw = σ_normalised · half-range
        return MixtureComponents.FromFlat(weights, means, std, (int)b, (int)k, (int)d);
    }

    /// <summary>Component usage, effective K and the smallest σ over raw observations [B, ds].</summary>
    public MixtureDiagnostics Diagnose(Tensor observations)
    {
        ValidateObservations(observations);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var m = Mixture(EvaluationInput(observations));
        var weights = nn.functional.softmax(m.Logits, 1);
        double[] meanWeight = weights.mean([0]).to(float64).cpu().data<double>().ToArray();
        var argmax = m.Logits.argmax(1);
        double[] argmaxShare = Enumerable.Range(0, Options.Components).Select(k => argmax.eq(k).to(float64).mean().item<double>()).ToArray();
        double entropy = -meanWeight.Where(w => w > 0).Sum(w => w * Math.Log(w));                 // H(π̄) = −Σ π̄ₖ log π̄ₖ
        return new MixtureDiagnostics(meanWeight, argmaxShare, Math.Exp(entropy), exp(m.LogStd).min().item<float>());
    }

    private void ValidateActions(Tensor actions, long batch)
    {
        ArgumentNullException.ThrowIfNull(actions);
        string shape = "[" + string.Join(", ", actions.shape) + "]";
        if (actions.dim() != 2 || actions.shape[0] != batch || actions.shape[1] != ActionDim)
            throw new ArgumentException($"{Method} policy: expected actions of shape [{batch}, {ActionDim}] (one per observation), got {shape}.", nameof(actions));
        ThrowUnlessFiniteFloat32(actions, "actions", nameof(actions));
    }

    /// <summary>Loads a policy saved by <see cref="Policy.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an MDN policy of this format, or is damaged: the message names the file.</exception>
    public static MdnPolicy Load(string path, Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        return WithWeightsFrom(Create(header.ObservationNormalizer, header.ActionNormalizer, ReadOptions<MdnOptions>(header, path), device), path, weightsOffset);
    }
}
