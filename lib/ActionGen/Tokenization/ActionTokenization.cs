namespace ActionGen.Tokenization;

/// <summary>Which tokenizer a <see cref="TokenPolicy"/> fits on its training actions.</summary>
public enum ActionTokenization
{
    /// <summary>RT-1 / RT-2: uniform bins over the normalised range [−1, 1], one token per action dimension.</summary>
    UniformBins,

    /// <summary>OpenVLA: uniform bins between each dimension's 1st and 99th percentile, one token per action dimension.</summary>
    QuantileBins,

    /// <summary>FAST / π0-FAST: DCT over the chunk's steps, scale and round, BPE; a variable number of tokens ended by an end token.</summary>
    Fast,
}
