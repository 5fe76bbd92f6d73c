using ActionGen.Data;
using TorchSharp;

namespace ActionGen.Training;

/// <summary>What the shared <see cref="Trainer"/> needs from a method: its parameters and its loss on normalised data.</summary>
public interface ITrainable
{
    /// <summary>The network whose parameters are optimised.</summary>
    torch.nn.Module Network { get; }

    /// <summary>The device the network lives on.</summary>
    torch.Device Device { get; }

    /// <summary>Normalises observations (statistics fitted on the training set).</summary>
    MinMaxNormalizer ObservationNormalizer { get; }

    /// <summary>Normalises actions (statistics fitted on the training set).</summary>
    MinMaxNormalizer ActionNormalizer { get; }

    /// <summary>
    /// The loss on a normalised mini-batch: observations [B, ds], actions [B, da]. Any randomness the loss needs
    /// (diffusion's noise levels and noise) is drawn from <paramref name="generator"/>, which the trainer seeds from
    /// <see cref="TrainerOptions.Seed"/>, so training never touches torch's global generator.
    /// </summary>
    LossBreakdown Loss(torch.Tensor observations, torch.Tensor actions, torch.Generator? generator = null);

    /// <summary>
    /// The training targets for all normalised actions [N, da], computed once before the first step; mini-batches are
    /// rows of the result, passed to <see cref="Loss"/> as its actions. By default the actions themselves; a model whose
    /// targets are costly to derive (tokens) computes them here instead of in every step.
    /// </summary>
    torch.Tensor PrepareActions(torch.Tensor normalizedActions) => normalizedActions;
}
