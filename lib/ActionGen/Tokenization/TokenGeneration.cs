namespace ActionGen.Tokenization;

/// <summary>What a token policy generated for a batch of observations: the tokens, how they decoded, and the actions.</summary>
/// <param name="Tokens">Per row, the sampled action tokens (the end token and anything after it removed).</param>
/// <param name="Statuses">Per row, whether the tokens decoded to exactly one action or had to be repaired.</param>
/// <param name="Actions">Per row, the action acted on, in raw units.</param>
public sealed record TokenGeneration(IReadOnlyList<int[]> Tokens, IReadOnlyList<ChunkStatus> Statuses, double[][] Actions)
{
    /// <summary>Share of rows whose tokens decoded to a valid action without repair.</summary>
    public double ValidShare => Statuses.Count == 0 ? double.NaN : Statuses.Count(s => s == ChunkStatus.Valid) / (double)Statuses.Count;

    /// <summary>Mean tokens per row.</summary>
    public double MeanTokens => Tokens.Count == 0 ? double.NaN : Tokens.Average(t => t.Length);
}
