namespace ActionGen.Tokenization;

/// <summary>What a <see cref="TokenPolicy"/> acts on when a sampled sequence does not decode to exactly one chunk.</summary>
public enum InvalidChunkHandling
{
    /// <summary>Drop extra coefficients, set missing ones to zero, decode (LeRobot's π0-FAST relaxed decoding).</summary>
    PadOrTruncate,

    /// <summary>Act on the all-zero chunk in normalised units, the centre of the training range (FAST's own decoder on an error).</summary>
    ZeroChunk,
}
