using System.Text.Json.Serialization;
using ActionGen.Policies;

namespace ActionGen.Tokenization;

/// <summary>
/// Options of the autoregressive token policy. The defaults are RT-2's tokenization (256 uniform bins per dimension)
/// with a transformer small enough to train in tens of seconds on a CPU.
/// </summary>
/// <param name="Tokenization">Which tokenizer is fitted on the training actions.</param>
/// <param name="Bins">Bins per dimension for the bin tokenizers (RT-1, RT-2, OpenVLA: 256).</param>
/// <param name="ChunkSteps">FAST: H, the steps in an action (the action's D·H values are H steps of D, time-major, as
/// <c>ActionChunks</c> lays them out); 0 (the default) takes the training data's <c>ActionDataset.TimeSteps</c>.</param>
/// <param name="FastScale">FAST: γ, the factor on the DCT coefficients before rounding (FAST: 10).</param>
/// <param name="FastVocabulary">FAST: the BPE vocabulary size (FAST: 1024). Training stops earlier when no pair occurs twice.</param>
/// <param name="Width">Transformer width (embedding size).</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Width"/>.</param>
/// <param name="Sampling">How tokens are drawn; null means temperature 1, no top-k.</param>
/// <param name="InvalidChunks">What the policy acts on when a FAST sequence decodes to the wrong number of coefficients.</param>
/// <param name="LengthConstrained">FAST: sample only tokens that still fit in the chunk's H · D coefficients, and the end
/// token exactly when they are filled, so every sequence decodes to a valid chunk. FAST and π0-FAST do not constrain
/// decoding (off by default, so the invalid share can be measured).</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record TokenOptions(
    ActionTokenization Tokenization = ActionTokenization.UniformBins,
    int Bins = 256,
    int ChunkSteps = 0,
    double FastScale = 10,
    int FastVocabulary = 1024,
    int Width = 32,
    int Layers = 2,
    int Heads = 4,
    TokenSampling? Sampling = null,
    InvalidChunkHandling InvalidChunks = InvalidChunkHandling.PadOrTruncate,
    bool LengthConstrained = false,
    int Seed = 0) : IPolicyOptions
{
    /// <summary>The sampling in use: <see cref="Sampling"/>, or temperature 1 when it is null.</summary>
    [JsonIgnore]
    public TokenSampling SamplingInUse => Sampling ?? new TokenSampling();

    /// <summary>Throws when an option is out of range or not finite, naming it.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Tokenization)) throw OptionChecks.OutOfRange(nameof(Tokenization), Tokenization, "Unknown tokenization.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Bins, 2, nameof(Bins));
        ArgumentOutOfRangeException.ThrowIfNegative(ChunkSteps, nameof(ChunkSteps));
        OptionChecks.Positive(FastScale, nameof(FastScale));
        ArgumentOutOfRangeException.ThrowIfLessThan(FastVocabulary, 2, nameof(FastVocabulary));
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Layers, 1, nameof(Layers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1, nameof(Heads));
        if (Width % Heads != 0) throw OptionChecks.OutOfRange(nameof(Heads), Heads, $"The heads must divide the width ({Width}).");
        SamplingInUse.Validate();
        if (!Enum.IsDefined(InvalidChunks)) throw OptionChecks.OutOfRange(nameof(InvalidChunks), InvalidChunks, "Unknown handling of invalid chunks.");
    }
}
