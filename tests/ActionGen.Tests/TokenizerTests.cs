using ActionGen.Data;
using ActionGen.Tasks;
using ActionGen.Tokenization;

namespace ActionGen.Tests;

/// <summary>Bins, the DCT, byte-pair encoding and FAST: round trips, hand-checked merges, and errors that name the culprit.</summary>
public class TokenizerTests
{
    private static double[,] Matrix(double[][] rows)
    {
        var m = new double[rows.Length, rows[0].Length];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < rows[0].Length; c++) m[r, c] = rows[r][c];
        return m;
    }

    private static double[,] RandomMatrix(int rows, int columns, int seed, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) m[r, c] = low + (high - low) * random.NextDouble();
        return m;
    }

    /// <summary>The obstacle task's 8-step chunks, min-max normalised as a policy sees them.</summary>
    private static double[,] NormalizedObstacleChunks()
    {
        var data = ActionChunks.FromDemonstrations(DataFiles.ReadObstacle(RepositoryRoot.Path("data", "obstacle_demos.csv")), 8);
        var normalizer = MinMaxNormalizer.Fit(data.Actions);
        using var normalized = normalizer.Normalize(data.ActionTensor());
        return ActionDataset.FromTensors(normalized, normalized).Actions;
    }

    [Fact]
    public void Uniform_bins_place_values_by_hand_and_round_trip_within_half_a_bin()
    {
        var bins = BinTokenizer.Uniform(3, bins: 4);                                            // edges −1, −½, 0, ½, 1
        Assert.Equal([0, 2, 3], bins.Encode([-1.0, 0.0, 0.99]));
        Assert.Equal([-0.75, 0.25, 0.75], bins.Decode([0, 2, 3]));                              // bin centres
        Assert.Equal([0, 3, 3], bins.Encode([-7.0, 1.0, 42.0]));                                // outside [−1, 1]: the end bins

        var rt2 = BinTokenizer.Uniform(7);
        Assert.Equal(256, rt2.VocabularySize);
        var report = rt2.RoundTrip(RandomMatrix(500, 7, seed: 1));
        Assert.True(report.MaxError <= rt2.BinWidth(0) / 2 + 1e-12, report.ToString());
        Assert.True(report.MaxError > rt2.BinWidth(0) / 2 * 0.9, "the bound is tight");
        Assert.Equal(7, report.MeanTokens);
    }

    [Fact]
    public void Quantile_bins_span_the_1st_to_99th_percentile_and_ignore_outliers()
    {
        var rows = Enumerable.Range(0, 101).Select(i => new[] { i == 100 ? 1e6 : i, -i }).ToArray(); // 0 … 99 and one outlier
        var bins = BinTokenizer.FitQuantiles(Matrix(rows), bins: 10);
        Assert.Equal(1.0, bins.Low[0], 12);                                                     // linear interpolation: 0.01 · 100 = order statistic 1
        Assert.Equal(99.0, bins.High[0], 12);                                                   // the outlier 1e6 does not stretch the range
        Assert.Equal(-99.0, bins.Low[1], 12);
        Assert.Equal(-1.0, bins.High[1], 12);
        Assert.Equal(9.8, bins.BinWidth(0), 12);

        var inside = Matrix(rows.Skip(1).Take(99).ToArray());                                   // i = 1 … 99: inside both ranges
        Assert.True(bins.RoundTrip(inside).MaxError <= 9.8 / 2 + 1e-9);
        Assert.Equal(9, bins.Encode([1e6, -1e6])[0]);                                           // outliers clip to the end bins
        Assert.Equal(0, bins.Encode([1e6, -1e6])[1]);
    }

    [Fact]
    public void The_dct_matches_a_hand_computed_case_and_inverts_exactly_without_rounding()
    {
        // H = 2, D = 1: C = [[1/√2, 1/√2], [1/√2, −1/√2]]; x = (1, 3) → X = (4/√2, −2/√2).
        var coefficients = DiscreteCosineTransform.Forward([1.0, 3.0], steps: 2);
        Assert.Equal(4 / Math.Sqrt(2), coefficients[0], 12);
        Assert.Equal(-2 / Math.Sqrt(2), coefficients[1], 12);

        // A constant chunk has only the zero frequency, √H · c, in each dimension (time-major layout, D = 2).
        var constant = DiscreteCosineTransform.Forward([0.5, -1.0, 0.5, -1.0, 0.5, -1.0, 0.5, -1.0], steps: 4);
        Assert.Equal([1.0, -2.0, 0, 0, 0, 0, 0, 0], constant.Select(v => Math.Round(v, 12)).ToArray());

        var random = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            int steps = 1 + random.Next(16), dims = 1 + random.Next(4);
            double[] chunk = Enumerable.Range(0, steps * dims).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            double[] back = DiscreteCosineTransform.Inverse(DiscreteCosineTransform.Forward(chunk, steps), steps);
            Assert.All(chunk.Zip(back), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-6, $"H={steps}, D={dims}: {p.First} vs {p.Second}"));
            double energy = chunk.Sum(v => v * v), coefficientEnergy = DiscreteCosineTransform.Forward(chunk, steps).Sum(v => v * v);
            Assert.Equal(energy, coefficientEnergy, 9);                                         // orthonormal: Σ X² = Σ x²
        }
        Assert.Throws<ArgumentException>(() => DiscreteCosineTransform.Forward([1.0, 2.0, 3.0], steps: 2));
    }

    [Fact]
    public void Bpe_learns_the_hand_checked_merges_in_order()
    {
        // Alphabet {0, 1, 2}. "0 1 0 1 2" and "0 1 2": (0,1) ×3, (1,2) ×2, (1,0) ×1 → merge (0,1) → 3.
        // Then "3 3 2" and "3 2": (3,2) ×2, (3,3) ×1 → merge (3,2) → 4. Then "3 4" and "4": (3,4) ×1 < 2 → stop.
        int[][] sequences = [[0, 1, 0, 1, 2], [0, 1, 2]];
        var bpe = BytePairEncoding.Train(sequences, baseVocabulary: 3, vocabularySize: 100);
        Assert.Equal([new TokenPair(0, 1), new TokenPair(3, 2)], bpe.Merges);
        Assert.Equal(5, bpe.VocabularySize);
        Assert.Equal([3, 4], bpe.Encode([0, 1, 0, 1, 2]));
        Assert.Equal([4], bpe.Encode([0, 1, 2]));
        Assert.Equal([0, 1, 0, 1, 2], bpe.Decode([3, 4]));

        Assert.Equal([new TokenPair(0, 1)], BytePairEncoding.Train(sequences, 3, vocabularySize: 4).Merges);   // the size asked for is respected
        Assert.Equal(3, BytePairEncoding.Train(sequences, 3, vocabularySize: 100, minPairCount: 1).Merges.Count); // (3,4) once is enough
    }

    [Fact]
    public void Bpe_breaks_ties_by_the_smallest_pair_and_counts_overlapping_pairs()
    {
        var tie = BytePairEncoding.Train([[2, 1], [0, 1], [1, 2]], 3, vocabularySize: 4, minPairCount: 1);
        Assert.Equal(new TokenPair(0, 1), tie.Merges[0]);                                       // three pairs once each: (0,1) < (1,2) < (2,1)

        var runs = BytePairEncoding.Train([[0, 0, 0]], 1, vocabularySize: 2);                   // 0 0 0 holds (0, 0) twice
        Assert.Equal([new TokenPair(0, 0)], runs.Merges);
        Assert.Equal([1, 1], runs.Encode([0, 0, 0, 0]));                                        // left to right, no overlap
        Assert.Equal([1, 0], runs.Encode([0, 0, 0]));
    }

    [Fact]
    public void Bpe_encoding_equals_applying_each_merge_in_learned_order_and_decoding_inverts_it()
    {
        var random = new Random(3);
        var sequences = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 3 + random.Next(12)).Select(_ => random.Next(4) == 0 ? random.Next(6) : 2).ToArray()).ToArray();
        var bpe = BytePairEncoding.Train(sequences, 6, vocabularySize: 40);
        Assert.True(bpe.Merges.Count > 10);
        for (int i = 0; i < 200; i++)
        {
            int[] symbols = Enumerable.Range(0, 1 + random.Next(20)).Select(_ => random.Next(3) == 0 ? random.Next(6) : 2).ToArray();
            var sequential = symbols.ToList();
            for (int m = 0; m < bpe.Merges.Count; m++)                                          // the definition: merge m everywhere, then m + 1, …
            {
                for (int p = 0; p + 1 < sequential.Count; p++)
                {
                    if (sequential[p] == bpe.Merges[m].Left && sequential[p + 1] == bpe.Merges[m].Right)
                    {
                        sequential[p] = 6 + m;
                        sequential.RemoveAt(p + 1);
                    }
                }
            }
            int[] encoded = bpe.Encode(symbols);
            Assert.Equal(sequential, encoded);
            Assert.Equal(symbols, bpe.Decode(encoded));
        }
    }

    [Fact]
    public void Fast_compresses_obstacle_chunks_and_its_error_is_bounded_by_the_scale()
    {
        var chunks = NormalizedObstacleChunks();
        var fast = FastTokenizer.Fit(chunks, horizon: 8, scale: 10, vocabularySize: 512);
        Assert.Equal(16, fast.ActionDim);
        var report = fast.RoundTrip(chunks);
        Assert.True(report.MeanTokens < 16 / 2.0, report.ToString());                           // fewer than half the naive H × D tokens
        // Rounding moves each of the H·D coefficients by at most 1/(2γ); the DCT is orthonormal, so ‖â − a‖₂ ≤ √(HD)/(2γ).
        Assert.True(report.MaxError <= Math.Sqrt(16) / 20, report.ToString());

        var finer = FastTokenizer.Fit(chunks, horizon: 8, scale: 100, vocabularySize: 1024).RoundTrip(chunks);
        Assert.True(finer.RmsError < report.RmsError / 5, $"γ = 100: {finer}; γ = 10: {report}");
        Assert.True(finer.MeanTokens > report.MeanTokens);                                      // precision costs tokens
    }

    [Fact]
    public void Fast_repairs_sequences_of_the_wrong_length_and_says_so()
    {
        var chunks = RandomMatrix(200, 6, seed: 4, low: -0.3, high: 0.3);
        var fast = FastTokenizer.Fit(chunks, horizon: 3, scale: 10, vocabularySize: 64);
        int[] tokens = fast.Encode([0.1, 0.2, 0.1, 0.2, 0.1, 0.2]);
        Assert.Equal(ChunkStatus.Valid, fast.DecodeRelaxed(tokens).Status);

        var longer = fast.DecodeRelaxed([.. tokens, .. tokens]);
        Assert.Equal(ChunkStatus.Truncated, longer.Status);
        Assert.Equal(2 * 6, longer.DecodedValues);
        Assert.Equal(fast.Decode(tokens), longer.Action);                                       // the extra coefficients are dropped

        var none = fast.DecodeRelaxed([]);
        Assert.Equal(ChunkStatus.Padded, none.Status);
        Assert.All(none.Action, v => Assert.Equal(0.0, v, 12));                                 // every coefficient 0: the zero chunk
        var error = Assert.Throws<ArgumentException>(() => fast.Decode([]));
        Assert.Contains("expected 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_tokens_shapes_and_settings_are_named()
    {
        var bins = BinTokenizer.Uniform(2, bins: 8);
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => bins.Decode([3, 8]));
        Assert.Contains("Token 1 is 8", outOfRange.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 7", outOfRange.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => bins.Decode([-1, 0]));
        var shape = Assert.Throws<ArgumentException>(() => bins.Encode([0.1, 0.2, 0.3]));
        Assert.Contains("Expected an action of 2 value(s), got 3", shape.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => bins.Encode([0.1, double.NaN]));
        Assert.Throws<ArgumentException>(() => bins.Decode([1]));                               // one token short of an action
        Assert.Throws<ArgumentException>(() => bins.RoundTrip(new double[4, 3]));

        var bpe = BytePairEncoding.Train([[0, 1, 0, 1]], 2, 3);
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => bpe.Decode([0, 2, 3]));
        Assert.Contains("Token 2 is 3", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => bpe.Encode([0, 2]));                   // not a base token
        Assert.Throws<ArgumentOutOfRangeException>(() => new BytePairEncoding(2, [new TokenPair(0, 2)])); // token 2 is not defined yet
        Assert.Throws<ArgumentOutOfRangeException>(() => BytePairEncoding.Train([[0, 1]], 2, vocabularySize: 1));

        Assert.Throws<ArgumentException>(() => FastTokenizer.Fit(new double[10, 5], horizon: 2)); // 5 values are not 2 steps
        var tooSmall = Assert.Throws<ArgumentOutOfRangeException>(() => FastTokenizer.Fit(RandomMatrix(50, 4, 1), horizon: 4, scale: 100, vocabularySize: 8));
        Assert.Contains("base tokens", tooSmall.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinTokenizer(1, [0.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinTokenizer(4, [1.0], [0.0]));
    }
}
