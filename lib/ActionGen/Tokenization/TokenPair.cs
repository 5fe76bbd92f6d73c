namespace ActionGen.Tokenization;

/// <summary>One byte-pair merge: the adjacent tokens (<paramref name="Left"/>, <paramref name="Right"/>) become one new token.</summary>
/// <param name="Left">The left token.</param>
/// <param name="Right">The right token.</param>
public readonly record struct TokenPair(int Left, int Right);
