using TorchSharp;

namespace ActionGen.Policies;

/// <summary>The contract every method of the series implements: observations in, actions out, in raw units.</summary>
public interface IPolicy : IDisposable
{
    /// <summary>The method's short name, e.g. "mse"; stored in model files.</summary>
    string Method { get; }

    /// <summary>Whether <see cref="Act"/> returns a point estimate or a sample.</summary>
    ActionOutput Output { get; }

    /// <summary>Observation dimension.</summary>
    int ObservationDim { get; }

    /// <summary>Action dimension.</summary>
    int ActionDim { get; }

    /// <summary>Number of trainable parameters.</summary>
    long ParameterCount { get; }

    /// <summary>
    /// The network evaluations one <see cref="Act"/> call makes, one after another: 1 for one-pass methods, the sampler's
    /// steps for diffusion and flow matching, one per token for an autoregressive policy (the most it can take, where
    /// sequences end early).
    /// </summary>
    int NetworkEvaluations { get; }

    /// <summary>The device the network lives on.</summary>
    torch.Device Device { get; }

    /// <summary>Actions for a batch of observations: [B, observation dim] → [B, action dim], float32, on the input's device.</summary>
    torch.Tensor Act(torch.Tensor observations);

    /// <summary>Writes weights, normaliser statistics and options to one file.</summary>
    void Save(string path);
}
