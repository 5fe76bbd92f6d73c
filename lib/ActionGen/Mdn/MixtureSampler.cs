using ActionGen.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Mdn;

/// <summary>Draws actions from a batch of diagonal Gaussian mixtures (any units: it works on what it is given).</summary>
public static class MixtureSampler
{
    /// <summary>
    /// Per row: pick a component — the most likely one, or one drawn from softmax(logits / <paramref name="weightTemperature"/>) —
    /// then return its mean plus <paramref name="stdScale"/> · σ · ε, ε ~ N(0, I). Returns [B, D].
    /// </summary>
    public static Tensor Sample(MixtureParameters mixture, MixtureSampling sampling, double weightTemperature = 1.0, double stdScale = 1.0)
    {
        TorchRuntime.Initialize();
        ArgumentNullException.ThrowIfNull(mixture);
        if (!(double.IsFinite(weightTemperature) && weightTemperature > 0)) throw new ArgumentOutOfRangeException(nameof(weightTemperature), weightTemperature, "The weight temperature must be a finite number above 0.");
        if (!(double.IsFinite(stdScale) && stdScale >= 0)) throw new ArgumentOutOfRangeException(nameof(stdScale), stdScale, "The σ scale must be a finite number, 0 or above.");
        long b = mixture.Logits.shape[0], d = mixture.Dim;
        Tensor component = sampling == MixtureSampling.MostLikelyMean
            ? mixture.Logits.argmax(1, keepdim: true)                                              // k* = argmax πₖ
            : multinomial(nn.functional.softmax(mixture.Logits / weightTemperature, 1), 1);       // k ~ Categorical(softmax(logits / τ))
        var index = component.unsqueeze(2).expand(b, 1, d);
        var mean = mixture.Means.gather(1, index).squeeze(1);
        if (sampling == MixtureSampling.MostLikelyMean || stdScale == 0) return mean;
        var std = exp(mixture.LogStd.gather(1, index).squeeze(1));
        return mean + stdScale * std * randn_like(mean);                                           // a = μₖ + s·σₖ ⊙ ε
    }
}
