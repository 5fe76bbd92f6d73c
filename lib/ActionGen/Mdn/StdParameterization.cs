namespace ActionGen.Mdn;

/// <summary>How a mixture head turns a raw output x into a standard deviation σ.</summary>
public enum StdParameterization
{
    /// <summary>σ = exp(x): the naive choice (hardmaru's MDN notebook, pytorch-mdn). Nothing stops σ → 0.</summary>
    Exp,

    /// <summary>σ = softplus(x) + min σ: robomimic's GMM policy.</summary>
    SoftplusPlusMin,

    /// <summary>σ = ELU(x) + 1 + min σ: keras-mdn-layer and the tonyduan/mixture-density-network fix.</summary>
    EluPlusOne,
}
