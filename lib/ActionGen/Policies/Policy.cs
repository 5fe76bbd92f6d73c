using System.Text.Json;
using System.Text.Json.Nodes;
using ActionGen.Data;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Policies;

/// <summary>
/// What every method shares: input validation, normalisation on the way in and out, devices, the parameter count,
/// model files, and disposal. A policy either owns its network or is a <em>view</em> of another policy's network with
/// other sampling settings (<c>WithSampling</c>): disposing a view leaves the network alone; disposing the owner ends
/// both. Subclasses implement <see cref="ActNormalized"/>, the loss and what their files store.
/// </summary>
public abstract class Policy : IPolicy, ITrainable
{
    private readonly Policy? owner;
    private bool disposed;

    /// <summary>Sets up the shared parts; an owned network is moved to <paramref name="device"/>.</summary>
    /// <param name="network">The network that is trained.</param>
    /// <param name="observationNormalizer">Observation statistics of the training set.</param>
    /// <param name="actionNormalizer">Action statistics of the training set.</param>
    /// <param name="device">Where the network lives.</param>
    /// <param name="owner">For a view: the policy that owns <paramref name="network"/>.</param>
    protected Policy(torch.nn.Module network, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, torch.Device device, Policy? owner = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        ArgumentNullException.ThrowIfNull(device);
        Network = network;
        ObservationNormalizer = observationNormalizer;
        ActionNormalizer = actionNormalizer;
        Device = device;
        this.owner = owner?.owner ?? owner;
        if (this.owner is null) Network.to(device);
    }

    /// <inheritdoc />
    public abstract string Method { get; }

    /// <inheritdoc />
    public abstract ActionOutput Output { get; }

    /// <inheritdoc />
    public virtual int NetworkEvaluations => 1;

    /// <inheritdoc />
    public torch.nn.Module Network { get; }

    /// <inheritdoc />
    public torch.Device Device { get; }

    /// <inheritdoc />
    public MinMaxNormalizer ObservationNormalizer { get; }

    /// <inheritdoc />
    public MinMaxNormalizer ActionNormalizer { get; }

    /// <inheritdoc />
    public int ObservationDim => ObservationNormalizer.Dim;

    /// <inheritdoc />
    public int ActionDim => ActionNormalizer.Dim;

    /// <inheritdoc />
    public long ParameterCount
    {
        get
        {
            ThrowIfDisposed();
            return Network.parameters().Sum(p => p.numel());
        }
    }

    /// <summary>True for a view made by <c>WithSampling</c>: it shares another policy's network and does not own it.</summary>
    public bool IsView => owner is not null;

    /// <summary>True once this policy, or the policy whose network a view shares, has been disposed.</summary>
    public bool IsDisposed => disposed || (owner?.IsDisposed ?? false);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Wrong rank or width, a non-floating dtype, or non-finite values: the message says what was expected and what came.</exception>
    /// <exception cref="ObjectDisposedException">The policy (or the one a view shares its network with) was disposed.</exception>
    public torch.Tensor Act(torch.Tensor observations)
    {
        ThrowIfDisposed();
        ValidateObservations(observations);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var actions = ActionNormalizer.Denormalize(ActNormalized(EvaluationInput(observations))).to(observations.device);
        return actions.MoveToOuterDisposeScope();
    }

    /// <summary>One observation in, one action out (raw units).</summary>
    public double[] Act(double[] observation) => Act((IReadOnlyList<double>)observation);

    /// <summary>One observation in, one action out (raw units).</summary>
    public double[] Act(IReadOnlyList<double> observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Count != ObservationDim)
            throw new ArgumentException($"{Method} policy: expected one observation of {ObservationDim} number(s), got {observation.Count}.", nameof(observation));
        using var input = torch.tensor(observation.ToArray(), dtype: torch.float32).unsqueeze(0);
        using var output = Act(input);
        return output.squeeze(0).to(torch.float64).data<double>().ToArray();
    }

    /// <summary>Puts the network in evaluation mode and returns raw observations normalised, as float32 on its device.</summary>
    protected torch.Tensor EvaluationInput(torch.Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ThrowIfDisposed();
        Network.eval();
        return ObservationNormalizer.Normalize(observations.to(torch.float32).to(Device));
    }

    /// <summary>Actions in normalised units for normalised observations [B, ds] → [B, da]. Called under no_grad in eval mode.</summary>
    protected abstract torch.Tensor ActNormalized(torch.Tensor observations);

    /// <inheritdoc />
    public abstract LossBreakdown Loss(torch.Tensor observations, torch.Tensor actions, torch.Generator? generator = null);

    /// <inheritdoc />
    public virtual torch.Tensor PrepareActions(torch.Tensor normalizedActions) => normalizedActions;

    /// <summary>The options record a model file stores (serialised with System.Text.Json).</summary>
    protected abstract IPolicyOptions SavedOptions { get; }

    /// <summary>The network whose weights a model file stores: the one that generates actions (an EMA copy where one is kept).</summary>
    protected virtual torch.nn.Module SavedNetwork => Network;

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The policy was disposed: nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or not finite: nothing is written.</exception>
    /// <remarks>The file is written beside <paramref name="path"/> first and moved into place only when complete, so a
    /// failed save never destroys the previous file.</remarks>
    public void Save(string path)
    {
        ThrowIfDisposed();
        SavedOptions.Validate();
        var options = PolicyFile.OptionsToJson(SavedOptions);
        PolicyFile.Write(path, new PolicyHeader(Method, PolicyFile.FormatVersion, ObservationNormalizer, ActionNormalizer, options), SavedNetwork);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> when the policy can no longer be used.</summary>
    protected void ThrowIfDisposed()
    {
        if (disposed) throw new ObjectDisposedException(GetType().Name, $"This {Method} policy has been disposed.");
        if (owner?.IsDisposed == true)
            throw new ObjectDisposedException(GetType().Name, $"This {Method} policy is a view of another policy's network, and that policy has been disposed.");
    }

    /// <summary>
    /// Runs <paramref name="build"/> with torch's global generator seeded by <paramref name="seed"/>, then puts the
    /// caller's generator state back: weights depend only on the seed, and creating or loading a policy never changes
    /// what the caller samples next.
    /// </summary>
    protected static T InitializeWithSeed<T>(int seed, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        TorchRuntime.Initialize();
        using var saved = torch.get_rng_state();
        try
        {
            torch.manual_seed(seed);
            return build();
        }
        finally
        {
            torch.set_rng_state(saved);
        }
    }

    /// <summary>Trains a freshly created <paramref name="policy"/>; disposes it if training throws.</summary>
    protected static (T Policy, TrainingHistory History) TrainNew<T>(T policy, ActionDataset data, TrainerOptions? training, IProgress<TrainingProgress>? progress)
        where T : Policy
    {
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            return (policy, Trainer.Fit(policy, data, training, progress));
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>Reads the options record of type <typeparamref name="TOptions"/> from a model file's header.</summary>
    /// <exception cref="InvalidDataException">The options are missing, of the wrong shape, or out of range; the message names the file.</exception>
    protected static TOptions ReadOptions<TOptions>(PolicyHeader header, string path) where TOptions : IPolicyOptions
    {
        ArgumentNullException.ThrowIfNull(header);
        return PolicyFile.OptionsFromJson<TOptions>(header.Options, path);
    }

    /// <summary>Fills a freshly created <paramref name="policy"/> with the weights stored after a header; disposes it if they do not fit.</summary>
    protected static T WithWeightsFrom<T>(T policy, string path, long weightsOffset) where T : Policy
    {
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            PolicyFile.ReadWeights(path, weightsOffset, policy.SavedNetwork); // copies into the parameters, on whichever device they live
            policy.AfterWeightsLoaded();
            return policy;
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>Called after a model file's weights were copied into <see cref="SavedNetwork"/> (e.g. to copy them into the trained network too).</summary>
    protected virtual void AfterWeightsLoaded()
    {
    }

    /// <summary>Disposes the network, unless this is a view of another policy's network.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes what this policy owns when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed) return;
        disposed = true;
        if (disposing && owner is null) Network.Dispose();
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="observations"/> is a finite floating-point
    /// [batch, ObservationDim] tensor; the message names the policy, the expected shape and what came.
    /// </summary>
    protected void ValidateObservations(torch.Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        string shape = "[" + string.Join(", ", observations.shape) + "]";
        if (observations.dim() != 2 || observations.shape[1] != ObservationDim)
            throw new ArgumentException($"{Method} policy: expected observations of shape [batch, {ObservationDim}], got {shape}.", nameof(observations));
        ThrowUnlessFiniteFloat32(observations, "observations", nameof(observations));
    }

    /// <summary>
    /// Throws unless <paramref name="values"/> are floating-point and finite as the network will see them, in float32:
    /// 1e300 is finite as a double and infinite after the cast.
    /// </summary>
    /// <param name="values">The tensor to check (its shape was checked by the caller).</param>
    /// <param name="what">What the values are, for the message ("observations", "actions").</param>
    /// <param name="parameterName">The caller's parameter, for the exception.</param>
    protected void ThrowUnlessFiniteFloat32(torch.Tensor values, string what, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.is_floating_point())
            throw new ArgumentException($"{Method} policy: expected floating-point {what}, got {values.dtype}.", parameterName);
        using var asFloat = values.to(torch.float32);                                           // disposed here: the caller's own scope starts after this check
        using var finite = asFloat.isfinite();
        using var allFinite = finite.all();
        if (!allFinite.item<bool>())
            throw new ArgumentException(
                $"{Method} policy: {what} contain NaN or infinite values, or values beyond float32's range (±3.4e38) (shape [{string.Join(", ", values.shape)}]).", parameterName);
    }
}
