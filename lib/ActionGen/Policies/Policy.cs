using ActionGen.Data;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Policies;

/// <summary>
/// What every method shares: input validation, normalisation on the way in and out, devices, parameter count.
/// Subclasses implement <see cref="ActNormalized"/> and the loss.
/// </summary>
public abstract class Policy : IPolicy, ITrainable
{
    /// <summary>Sets up the shared parts; the network is moved to <paramref name="device"/>.</summary>
    protected Policy(torch.nn.Module network, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        ArgumentNullException.ThrowIfNull(device);
        Network = network;
        ObservationNormalizer = observationNormalizer;
        ActionNormalizer = actionNormalizer;
        Device = device;
        Network.to(device);
    }

    /// <inheritdoc />
    public abstract string Method { get; }

    /// <inheritdoc />
    public abstract ActionOutput Output { get; }

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
    public long ParameterCount => Network.parameters().Sum(p => p.numel());

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Wrong rank or width, a non-floating dtype, or non-finite values: the message says what was expected and what came.</exception>
    public torch.Tensor Act(torch.Tensor observations)
    {
        ValidateObservations(observations);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var actions = ActionNormalizer.Denormalize(ActNormalized(EvaluationInput(observations))).to(observations.device);
        return actions.MoveToOuterDisposeScope();
    }

    /// <summary>One observation in, one action out (raw units).</summary>
    public double[] Act(IReadOnlyList<double> observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        using var input = torch.tensor(observation.ToArray(), dtype: torch.float32).unsqueeze(0);
        using var output = Act(input);
        return output.squeeze(0).to(torch.float64).data<double>().ToArray();
    }

    /// <summary>Puts the network in evaluation mode and returns raw observations normalised, as float32 on its device.</summary>
    protected torch.Tensor EvaluationInput(torch.Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Network.eval();
        return ObservationNormalizer.Normalize(observations.to(torch.float32).to(Device));
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

    /// <summary>Actions in normalised units for normalised observations [B, ds] → [B, da]. Called under no_grad in eval mode.</summary>
    protected abstract torch.Tensor ActNormalized(torch.Tensor observations);

    /// <inheritdoc />
    public abstract LossBreakdown Loss(torch.Tensor observations, torch.Tensor actions);

    /// <inheritdoc />
    public abstract void Save(string path);

    /// <summary>Disposes the network.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the network when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Network.Dispose();
    }

    private void ValidateObservations(torch.Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        string shape = "[" + string.Join(", ", observations.shape) + "]";
        if (observations.dim() != 2 || observations.shape[1] != ObservationDim)
            throw new ArgumentException($"{Method} policy: expected observations of shape [batch, {ObservationDim}], got {shape}.", nameof(observations));
        if (!observations.is_floating_point())
            throw new ArgumentException($"{Method} policy: expected floating-point observations, got {observations.dtype}.", nameof(observations));
        if (!observations.isfinite().all().item<bool>())
            throw new ArgumentException($"{Method} policy: observations contain NaN or infinite values (shape {shape}).", nameof(observations));
    }
}
