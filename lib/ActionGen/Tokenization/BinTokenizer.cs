using System.Text.Json.Serialization;

namespace ActionGen.Tokenization;

/// <summary>
/// Per-dimension binning: each action value becomes one token, the index of the bin it falls in; N equal-width bins
/// span [Low_d, High_d] in dimension d, and a token decodes to its bin's centre, so the round-trip error is at most half a
/// bin, (High_d − Low_d) / (2N). Values outside [Low_d, High_d] clip to the end bins (their error is then larger).
/// All dimensions share the same N token ids; the position in the sequence says which dimension a token is.
/// <list type="bullet">
/// <item><see cref="Uniform"/>: RT-1 and RT-2 — 256 uniform bins per dimension over the action's bounds (here the
/// normalised range [−1, 1]); RT-2 spends 8 tokens per step (7 arm dimensions and termination).</item>
/// <item><see cref="FitQuantiles"/>: OpenVLA — 256 uniform bins between each dimension's 1st and 99th percentile of
/// the training actions, so rare outliers do not stretch the bins; 7 tokens per step (position, rotation, gripper).
/// OpenVLA's code places 256 bin <em>edges</em> on the range and so uses 255 bins; here N bins means N.</item>
/// </list>
/// </summary>
public sealed record BinTokenizer : ActionTokenizer
{
    private readonly double[] low;
    private readonly double[] high;

    /// <summary>A tokenizer with <paramref name="bins"/> bins per dimension between <paramref name="low"/> and <paramref name="high"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 bins, no dimensions, lengths that differ, or a range that is not finite or has Low &gt; High.</exception>
    [JsonConstructor]
    public BinTokenizer(int bins, IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        Bins = bins;
        this.low = [.. low];
        this.high = [.. high];
        Validate();
    }

    /// <summary>N, the bins per dimension (RT-1, RT-2, OpenVLA: 256).</summary>
    public int Bins { get; }

    /// <summary>Lower end of each dimension's binned range.</summary>
    public IReadOnlyList<double> Low => low;

    /// <summary>Upper end of each dimension's binned range.</summary>
    public IReadOnlyList<double> High => high;

    /// <inheritdoc />
    public override int ActionDim => low.Length;

    /// <inheritdoc />
    public override int VocabularySize => Bins;

    /// <inheritdoc />
    public override bool FixedLength => true;

    /// <inheritdoc />
    public override int MaxLength => ActionDim;

    /// <summary>Width of a bin in dimension <paramref name="dimension"/>: (High_d − Low_d) / N.</summary>
    public double BinWidth(int dimension) => (high[dimension] - low[dimension]) / Bins;

    /// <summary>RT-1 / RT-2: <paramref name="bins"/> uniform bins over [−1, 1] in every one of <paramref name="actionDim"/> dimensions.</summary>
    public static BinTokenizer Uniform(int actionDim, int bins = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actionDim, 1);
        return new BinTokenizer(bins, Enumerable.Repeat(-1.0, actionDim).ToArray(), Enumerable.Repeat(1.0, actionDim).ToArray());
    }

    /// <summary>
    /// OpenVLA: per dimension, <paramref name="bins"/> uniform bins between the <paramref name="lowQuantile"/> and
    /// <paramref name="highQuantile"/> quantiles of the rows of <paramref name="actions"/> (linear interpolation between
    /// order statistics, as numpy's default).
    /// </summary>
    public static BinTokenizer FitQuantiles(double[,] actions, int bins = 256, double lowQuantile = 0.01, double highQuantile = 0.99)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (!(lowQuantile >= 0 && lowQuantile < highQuantile && highQuantile <= 1))
            throw new ArgumentOutOfRangeException(nameof(lowQuantile), $"Expected 0 ≤ low quantile < high quantile ≤ 1, got {lowQuantile} and {highQuantile}.");
        int rows = actions.GetLength(0), dims = actions.GetLength(1);
        if (rows == 0 || dims == 0) throw new ArgumentException($"Expected at least one row and one column, got [{rows}, {dims}].", nameof(actions));
        var lows = new double[dims];
        var highs = new double[dims];
        var column = new double[rows];
        for (int d = 0; d < dims; d++)
        {
            for (int r = 0; r < rows; r++) column[r] = actions[r, d];
            Array.Sort(column);
            lows[d] = Quantile(column, lowQuantile);
            highs[d] = Quantile(column, highQuantile);
        }
        return new BinTokenizer(bins, lows, highs);
    }

    /// <inheritdoc />
    public override int[] Encode(ReadOnlySpan<double> action)
    {
        CheckAction(action);
        var tokens = new int[ActionDim];
        for (int d = 0; d < tokens.Length; d++)
        {
            double width = BinWidth(d);
            int bin = width > 0 ? (int)Math.Floor((action[d] - low[d]) / width) : 0;          // i = ⌊(a − Low) / w⌋
            tokens[d] = Math.Clamp(bin, 0, Bins - 1);                                          // outside the range: the end bins
        }
        return tokens;
    }

    /// <inheritdoc />
    public override ChunkDecoding DecodeRelaxed(IReadOnlyList<int> tokens)
    {
        CheckTokens(tokens);
        var action = new double[ActionDim];
        for (int d = 0; d < Math.Min(tokens.Count, ActionDim); d++)
            action[d] = low[d] + (tokens[d] + 0.5) * BinWidth(d);                                // â = Low + (i + ½) w, the bin's centre
        var status = tokens.Count == ActionDim ? ChunkStatus.Valid : tokens.Count < ActionDim ? ChunkStatus.Padded : ChunkStatus.Truncated;
        return new ChunkDecoding(action, status, tokens.Count);
    }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Bins < 2) throw new ArgumentOutOfRangeException(nameof(Bins), Bins, "A bin tokenizer needs at least 2 bins.");
        if (low.Length == 0) throw new ArgumentOutOfRangeException(nameof(Low), "[]", "A bin tokenizer needs at least one dimension.");
        if (low.Length != high.Length)
            throw new ArgumentOutOfRangeException(nameof(High), high.Length, $"Expected one upper end per dimension ({low.Length}), got {high.Length}.");
        for (int d = 0; d < low.Length; d++)
        {
            if (!(double.IsFinite(low[d]) && double.IsFinite(high[d]) && low[d] <= high[d]))
                throw new ArgumentOutOfRangeException(nameof(Low), $"[{low[d]}, {high[d]}]", $"Dimension {d}'s range must be finite with Low ≤ High.");
        }
    }

    /// <summary>Value equality over the bins and both ends of every range.</summary>
    public bool Equals(BinTokenizer? other) => other is not null && Bins == other.Bins && low.SequenceEqual(other.low) && high.SequenceEqual(other.high);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Bins, low.Length, low[0], high[0]);

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);            // linear between order statistics
    }
}
