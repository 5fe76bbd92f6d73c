namespace ActionGen.Tokenization;

/// <summary>Whether a token sequence decoded to an action of the right length, and if not, what was repaired.</summary>
public enum ChunkStatus
{
    /// <summary>Exactly the values an action needs.</summary>
    Valid,

    /// <summary>Too few values: the missing ones were set to zero.</summary>
    Padded,

    /// <summary>Too many values: the extra ones were dropped.</summary>
    Truncated,
}
