using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Mse;

/// <summary>
/// Behaviour cloning by regression: an MLP a = f_θ(s) trained with the mean squared error
/// L(θ) = 1/B Σ ‖a − f_θ(s)‖² — the negative log-likelihood of N(a; f_θ(s), σ²I) up to a constant and a scale.
/// Its minimiser is the conditional mean E[a | s]; <see cref="IPolicy.Act"/> returns that point estimate.
/// </summary>
public sealed class MsePolicy : Policy
{
    private readonly Mlp mlp;

    private MsePolicy(Mlp mlp, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, MseOptions options, torch.Device device)
        : base(mlp, observationNormalizer, actionNormalizer, device)
    {
        this.mlp = mlp;
        Options = options;
    }

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "mse";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <inheritdoc />
    public override ActionOutput Output => ActionOutput.PointEstimate;

    /// <summary>The options it was built with.</summary>
    public MseOptions Options { get; }

    /// <inheritdoc />
    protected override IPolicyOptions SavedOptions => Options;

    /// <summary>An untrained policy with normalisers fitted on <paramref name="data"/>.</summary>
    public static MsePolicy Create(ActionDataset data, MseOptions? options = null, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(MinMaxNormalizer.Fit(data.Observations), MinMaxNormalizer.Fit(data.Actions), options, device);
    }

    /// <summary>An untrained policy with the given normalisers; weights depend only on <see cref="MseOptions.Seed"/>.</summary>
    public static MsePolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, MseOptions? options = null, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        options ??= new MseOptions();
        options.Validate();
        var mlp = InitializeWithSeed(options.Seed, () => new Mlp(observationNormalizer.Dim, options.Widths, actionNormalizer.Dim));
        return new MsePolicy(mlp, observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call: a few lines from data to a working policy.</summary>
    public static (MsePolicy Policy, TrainingHistory History) Train(
        ActionDataset data, MseOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, torch.Device? device = null) =>
        TrainNew(Create(data, options, device), data, training, progress);

    /// <summary>Loads a policy saved by <see cref="Policy.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an MSE policy of this format, or is damaged: the message names the file.</exception>
    public static MsePolicy Load(string path, torch.Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        return WithWeightsFrom(Create(header.ObservationNormalizer, header.ActionNormalizer, ReadOptions<MseOptions>(header, path), device), path, weightsOffset);
    }

    /// <summary>The squared error, averaged over batch and action dimensions (torch's mse_loss with mean reduction).</summary>
    public override LossBreakdown Loss(torch.Tensor observations, torch.Tensor actions, torch.Generator? generator = null)
    {
        var predicted = mlp.forward(observations);
        return LossBreakdown.OneTerm("mse", torch.nn.functional.mse_loss(predicted, actions)); // 1/(B·D) Σ (a − f_θ(s))²
    }

    /// <inheritdoc />
    protected override torch.Tensor ActNormalized(torch.Tensor observations) => mlp.forward(observations);
}
