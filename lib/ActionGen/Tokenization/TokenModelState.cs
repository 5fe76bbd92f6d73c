using System.Text.Json.Serialization;
using ActionGen.Policies;

namespace ActionGen.Tokenization;

/// <summary>
/// What a token policy's model file stores as its options: the options record and the tokenizer fitted on the training
/// actions (bin ranges, or FAST's coefficient range and BPE merges) — fitted statistics, like the normalisers.
/// </summary>
/// <param name="Options">The policy's options.</param>
/// <param name="Tokenizer">The fitted tokenizer.</param>
public sealed record TokenModelState(TokenOptions Options, ActionTokenizer Tokenizer) : IPolicyOptions
{
    /// <inheritdoc />
    [JsonIgnore]
    public int Seed => Options.Seed;

    /// <inheritdoc />
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Options);
        ArgumentNullException.ThrowIfNull(Tokenizer);
        Options.Validate();
        Tokenizer.Validate();
    }
}
