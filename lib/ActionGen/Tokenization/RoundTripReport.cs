using System.Globalization;

namespace ActionGen.Tokenization;

/// <summary>How well a tokenizer reproduces a set of actions, and how many tokens it spends on them.</summary>
/// <param name="Rows">Actions encoded.</param>
/// <param name="ActionDim">Values per action (a chunk: H · D).</param>
/// <param name="MeanTokens">Mean tokens per action.</param>
/// <param name="MaxTokens">Most tokens any action took.</param>
/// <param name="MaxError">Largest |decode(encode(a)) − a| over every value, in the units it was given.</param>
/// <param name="RmsError">Root mean square of the same, over every value.</param>
public sealed record RoundTripReport(int Rows, int ActionDim, double MeanTokens, int MaxTokens, double MaxError, double RmsError)
{
    /// <summary>Tokens per action relative to one token per value (naive per-dimension binning): below 1 is compression.</summary>
    public double TokensPerValue => MeanTokens / ActionDim;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rows} actions of {ActionDim} values: {MeanTokens:F2} tokens on average (max {MaxTokens}), error max {MaxError:G3}, rms {RmsError:G3}");
}
