using System.Text.Json.Serialization;

namespace ActionGen.Tokenization;

/// <summary>
/// FAST (Pertsch et al. 2025, "FAST: Efficient Action Tokenization for Vision-Language-Action Models"), the tokenizer
/// of π0-FAST: a chunk of H steps of D values is compressed before it is tokenized.
/// <list type="number">
/// <item>DCT over time, per dimension (<see cref="DiscreteCosineTransform"/>, orthonormal): X[k, d].</item>
/// <item>Scale and round: q[k, d] = round(γ X[k, d]) (FAST's default γ = 10). This is the only lossy step: the
/// round-trip error grows as γ shrinks, and the number of tokens grows as γ grows.</item>
/// <item>Flatten low frequency first, the dimensions interleaved within each frequency: q[0, 0 … D−1], q[1, 0 … D−1], …
/// — most high-frequency coefficients of a smooth chunk round to 0, and long runs of zeros merge well.</item>
/// <item>Shift to the base alphabet: symbol = q − q_min, where q_min and q_max are the smallest and largest rounded
/// coefficient in the training chunks (FAST's <c>min_token</c>), so A = q_max − q_min + 1 base tokens. A coefficient
/// outside [q_min, q_max] clips to the end of the alphabet (FAST clips only below).</item>
/// <item>Byte-pair encoding over the symbols (<see cref="BytePairEncoding"/>), trained on the dataset's chunks with the
/// vocabulary size chosen (FAST: 1024).</item>
/// </list>
/// Decoding inverts every step: BPE expansion, + q_min, ÷ γ, inverse DCT. A sampled token sequence may expand to more or
/// fewer than H · D coefficients; <see cref="ActionTokenizer.DecodeRelaxed"/> truncates or pads with zero coefficients
/// (LeRobot's π0-FAST relaxed decoding; FAST's own decoder returns an all-zero chunk instead).
/// </summary>
public sealed record FastTokenizer : ActionTokenizer
{
    /// <summary>A fitted tokenizer (use <see cref="Fit"/> to make one from data).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range, or an alphabet that does not match [q_min, q_max].</exception>
    [JsonConstructor]
    public FastTokenizer(int horizon, int stepDim, double scale, int minCoefficient, int maxCoefficient, BytePairEncoding bpe)
    {
        ArgumentNullException.ThrowIfNull(bpe);
        Horizon = horizon;
        StepDim = stepDim;
        Scale = scale;
        MinCoefficient = minCoefficient;
        MaxCoefficient = maxCoefficient;
        Bpe = bpe;
        Validate();
    }

    /// <summary>H, the steps in a chunk (the DCT's length).</summary>
    public int Horizon { get; }

    /// <summary>D, the values per step.</summary>
    public int StepDim { get; }

    /// <summary>γ, the factor applied to the DCT coefficients before rounding (FAST: 10).</summary>
    public double Scale { get; }

    /// <summary>q_min, the smallest rounded coefficient in the training chunks: base token 0.</summary>
    public int MinCoefficient { get; }

    /// <summary>q_max, the largest rounded coefficient in the training chunks: the last base token.</summary>
    public int MaxCoefficient { get; }

    /// <summary>The byte-pair encoding over the base alphabet.</summary>
    public BytePairEncoding Bpe { get; }

    /// <inheritdoc />
    public override int ActionDim => Horizon * StepDim;

    /// <inheritdoc />
    public override int VocabularySize => Bpe.VocabularySize;

    /// <inheritdoc />
    public override bool FixedLength => false;

    /// <summary>H · D: a valid sequence never needs more tokens than coefficients (each token stands for at least one).</summary>
    public override int MaxLength => ActionDim;

    /// <summary>
    /// Fits FAST on chunks (rows of <paramref name="actions"/>, each <paramref name="horizon"/> steps flattened
    /// time-major): the coefficient range, then BPE up to <paramref name="vocabularySize"/> tokens.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The vocabulary cannot even hold the coefficient alphabet (raise it or lower γ), or a setting is out of range.</exception>
    public static FastTokenizer Fit(double[,] actions, int horizon, double scale = 10, int vocabularySize = 1024, int minPairCount = 2)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (!(double.IsFinite(scale) && scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "γ must be a finite number above 0.");
        int rows = actions.GetLength(0), width = actions.GetLength(1);
        if (rows == 0) throw new ArgumentException("Cannot fit FAST on zero chunks.", nameof(actions));
        if (width == 0 || width % horizon != 0)
            throw new ArgumentException($"Chunks of {horizon} steps need a width that is a positive multiple of {horizon}, got {width}.", nameof(actions));
        var rounded = new int[rows][];
        var row = new double[width];
        int min = int.MaxValue, max = int.MinValue;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < width; c++)
            {
                row[c] = actions[r, c];
                if (!double.IsFinite(row[c])) throw new ArgumentException($"actions[{r}, {c}] is {row[c]}: expected finite numbers.", nameof(actions));
            }
            rounded[r] = RoundedCoefficients(row, horizon, scale);
            min = Math.Min(min, rounded[r].Min());
            max = Math.Max(max, rounded[r].Max());
        }
        int alphabet = max - min + 1;
        if (vocabularySize < alphabet)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize,
                $"The rounded coefficients span [{min}, {max}], {alphabet} base tokens: the vocabulary must be at least that (or γ = {scale} smaller).");
        var bpe = BytePairEncoding.Train(rounded.Select(q => (IReadOnlyList<int>)q.Select(v => v - min).ToArray()), alphabet, vocabularySize, minPairCount);
        return new FastTokenizer(horizon, width / horizon, scale, min, max, bpe);
    }

    /// <summary>round(γ · DCT(chunk)), flattened low frequency first: the integers FAST compresses.</summary>
    public static int[] RoundedCoefficients(ReadOnlySpan<double> chunk, int horizon, double scale)
    {
        var coefficients = DiscreteCosineTransform.Forward(chunk, horizon);                     // X[k, d]
        var rounded = new int[coefficients.Length];
        for (int j = 0; j < rounded.Length; j++) rounded[j] = (int)Math.Round(scale * coefficients[j]); // q = round(γ X), halves to even as numpy
        return rounded;
    }

    /// <inheritdoc />
    public override int[] Encode(ReadOnlySpan<double> action)
    {
        CheckAction(action);
        int[] q = RoundedCoefficients(action, Horizon, Scale);
        for (int j = 0; j < q.Length; j++) q[j] = Math.Clamp(q[j] - MinCoefficient, 0, Bpe.BaseVocabulary - 1); // symbol = q − q_min, clipped to the alphabet
        return Bpe.Encode(q);
    }

    /// <inheritdoc />
    public override ChunkDecoding DecodeRelaxed(IReadOnlyList<int> tokens)
    {
        CheckTokens(tokens);
        int[] symbols = Bpe.Decode(tokens);
        var coefficients = new double[ActionDim];                                                // missing coefficients stay 0
        for (int j = 0; j < Math.Min(symbols.Length, ActionDim); j++) coefficients[j] = (symbols[j] + MinCoefficient) / Scale; // X̂ = (symbol + q_min) / γ
        var status = symbols.Length == ActionDim ? ChunkStatus.Valid : symbols.Length < ActionDim ? ChunkStatus.Padded : ChunkStatus.Truncated;
        return new ChunkDecoding(DiscreteCosineTransform.Inverse(coefficients, Horizon), status, symbols.Length); // â = Cᵀ X̂
    }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Horizon < 1) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "A chunk needs at least one step.");
        if (StepDim < 1) throw new ArgumentOutOfRangeException(nameof(StepDim), StepDim, "A step needs at least one value.");
        if (!(double.IsFinite(Scale) && Scale > 0)) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "γ must be a finite number above 0.");
        if (MinCoefficient > MaxCoefficient)
            throw new ArgumentOutOfRangeException(nameof(MinCoefficient), MinCoefficient, $"q_min must not exceed q_max ({MaxCoefficient}).");
        if (Bpe.BaseVocabulary != (long)MaxCoefficient - MinCoefficient + 1)
            throw new ArgumentOutOfRangeException(nameof(Bpe), Bpe.BaseVocabulary, $"The BPE alphabet must hold q_max − q_min + 1 = {(long)MaxCoefficient - MinCoefficient + 1} tokens.");
    }
}
