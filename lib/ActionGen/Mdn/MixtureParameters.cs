using TorchSharp;

namespace ActionGen.Mdn;

/// <summary>A batch of diagonal Gaussian mixtures: weight logits [B, K], means and log σ [B, K, D].</summary>
public sealed record MixtureParameters(torch.Tensor Logits, torch.Tensor Means, torch.Tensor LogStd)
{
    /// <summary>K, components per mixture.</summary>
    public long Components => Logits.shape[1];

    /// <summary>D, action dimension.</summary>
    public long Dim => Means.shape[2];
}
