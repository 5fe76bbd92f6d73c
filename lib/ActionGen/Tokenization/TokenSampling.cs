using ActionGen.Policies;

namespace ActionGen.Tokenization;

/// <summary>How a <see cref="TokenPolicy"/> picks each next token from its logits, as plain data (stored in model files).</summary>
/// <param name="Temperature">Divide the logits by this before the softmax: below 1 sharpens, above 1 flattens.</param>
/// <param name="TopK">When set, sample only among the k most likely tokens.</param>
/// <param name="Argmax">Take the most likely token at every step (greedy decoding, as LeRobot's π0-FAST generates): a point estimate.</param>
public sealed record TokenSampling(double Temperature = 1.0, int? TopK = null, bool Argmax = false)
{
    /// <summary>Greedy decoding.</summary>
    public static TokenSampling Greedy { get; } = new(Argmax: true);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        OptionChecks.Positive(Temperature, nameof(Temperature));
        if (TopK is int k && k < 1) throw OptionChecks.OutOfRange(nameof(TopK), k, "Top-k needs k ≥ 1.");
    }
}
