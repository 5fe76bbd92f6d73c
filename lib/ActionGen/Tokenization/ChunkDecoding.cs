namespace ActionGen.Tokenization;

/// <summary>What a relaxed decode returns.</summary>
/// <param name="Action">The action (normalised units), always of the tokenizer's action dimension.</param>
/// <param name="Status">Valid, or which repair was made.</param>
/// <param name="DecodedValues">How many values the tokens stood for before any repair (FAST: DCT coefficients).</param>
public sealed record ChunkDecoding(double[] Action, ChunkStatus Status, int DecodedValues);
