using System.Text.Json.Serialization;

namespace ActionGen.Tokenization;

/// <summary>
/// Turns a (normalised) action — one step, or a chunk of H steps flattened time-major — into a sequence of integer
/// tokens from a finite vocabulary, and back. Two families, as the literature has them: per-dimension bins
/// (<see cref="BinTokenizer"/>: RT-1, RT-2, OpenVLA; one token per action dimension) and a compressing chunk tokenizer
/// (<see cref="FastTokenizer"/>: FAST and π0-FAST; a DCT over time, then byte-pair encoding). Tokenizers are plain,
/// immutable data: a policy's model file stores the fitted one as JSON.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BinTokenizer), "bins")]
[JsonDerivedType(typeof(FastTokenizer), "fast")]
public abstract record ActionTokenizer
{
    /// <summary>Length of the action vector it encodes (a chunk: H · D).</summary>
    [JsonIgnore]
    public abstract int ActionDim { get; }

    /// <summary>Number of distinct tokens: every token is in [0, VocabularySize).</summary>
    [JsonIgnore]
    public abstract int VocabularySize { get; }

    /// <summary>True when every action encodes to exactly <see cref="MaxLength"/> tokens (bins); false for FAST.</summary>
    [JsonIgnore]
    public abstract bool FixedLength { get; }

    /// <summary>The longest token sequence a valid action can need.</summary>
    [JsonIgnore]
    public abstract int MaxLength { get; }

    /// <summary>The tokens of one action of <see cref="ActionDim"/> finite values.</summary>
    /// <exception cref="ArgumentException">Wrong length or a non-finite value.</exception>
    public abstract int[] Encode(ReadOnlySpan<double> action);

    /// <summary>The action a token sequence stands for; strict: the sequence must be one an encoding can produce.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A token outside [0, <see cref="VocabularySize"/>), named by position.</exception>
    /// <exception cref="ArgumentException">The sequence does not decode to exactly <see cref="ActionDim"/> values.</exception>
    public double[] Decode(IReadOnlyList<int> tokens)
    {
        var decoded = DecodeRelaxed(tokens);
        if (decoded.Status != ChunkStatus.Valid)
            throw new ArgumentException($"The tokens decode to {decoded.DecodedValues} value(s), expected {ActionDim}: not a sequence this tokenizer produces.", nameof(tokens));
        return decoded.Action;
    }

    /// <summary>
    /// Decodes any sequence of known tokens, repairing a wrong length the way LeRobot's π0-FAST does with relaxed
    /// decoding: values past <see cref="ActionDim"/> are dropped, missing ones are zero (for FAST: zero DCT
    /// coefficients). The status says whether a repair was needed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A token outside [0, <see cref="VocabularySize"/>), named by position.</exception>
    public abstract ChunkDecoding DecodeRelaxed(IReadOnlyList<int> tokens);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first fitted value that is out of range.</summary>
    public abstract void Validate();

    /// <summary>Encodes every row of an [N, <see cref="ActionDim"/>] matrix.</summary>
    public int[][] EncodeRows(double[,] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        CheckColumns(actions);
        var row = new double[ActionDim];
        var tokens = new int[actions.GetLength(0)][];
        for (int i = 0; i < tokens.Length; i++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = actions[i, c];
            tokens[i] = Encode(row);
        }
        return tokens;
    }

    /// <summary>Encodes and decodes every row of <paramref name="actions"/> and reports the error and the tokens it took.</summary>
    public RoundTripReport RoundTrip(double[,] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        CheckColumns(actions);
        int rows = actions.GetLength(0);
        if (rows == 0) throw new ArgumentException("Nothing to round-trip: the matrix has no rows.", nameof(actions));
        double maxError = 0, squared = 0;
        long tokens = 0;
        int longest = 0;
        var row = new double[ActionDim];
        for (int i = 0; i < rows; i++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = actions[i, c];
            int[] encoded = Encode(row);
            double[] decoded = Decode(encoded);
            tokens += encoded.Length;
            longest = Math.Max(longest, encoded.Length);
            for (int c = 0; c < row.Length; c++)
            {
                double error = Math.Abs(decoded[c] - row[c]);                                    // |â − a|
                maxError = Math.Max(maxError, error);
                squared += error * error;
            }
        }
        return new RoundTripReport(rows, ActionDim, (double)tokens / rows, longest, maxError, Math.Sqrt(squared / ((double)rows * ActionDim)));
    }

    /// <summary>Throws unless <paramref name="action"/> holds <see cref="ActionDim"/> finite values.</summary>
    protected void CheckAction(ReadOnlySpan<double> action)
    {
        if (action.Length != ActionDim)
            throw new ArgumentException($"Expected an action of {ActionDim} value(s), got {action.Length}.", nameof(action));
        for (int i = 0; i < action.Length; i++)
        {
            if (!double.IsFinite(action[i])) throw new ArgumentException($"Action value {i} is {action[i]}: expected a finite number.", nameof(action));
        }
    }

    /// <summary>Throws unless every token lies in [0, <see cref="VocabularySize"/>).</summary>
    protected void CheckTokens(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] < 0 || tokens[i] >= VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens[i], $"Token {i} is {tokens[i]}: this tokenizer knows tokens 0 to {VocabularySize - 1}.");
        }
    }

    private void CheckColumns(double[,] actions)
    {
        if (actions.GetLength(1) != ActionDim)
            throw new ArgumentException($"Expected actions of {ActionDim} column(s), got {actions.GetLength(1)}.", nameof(actions));
    }
}
