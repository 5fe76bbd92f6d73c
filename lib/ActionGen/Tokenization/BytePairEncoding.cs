using System.Text.Json.Serialization;

namespace ActionGen.Tokenization;

/// <summary>
/// Byte-pair encoding over integer sequences (Gage 1994; Sennrich et al. 2016), the compression step of FAST. Tokens
/// 0 … A−1 are the base alphabet; merge m turns the adjacent pair Merges[m] into the new token A + m, so the
/// vocabulary is A + |Merges|.
/// <para><b>Training</b> (<see cref="Train"/>) repeats: count every adjacent pair in every sequence (overlaps
/// included: 7 7 7 holds (7, 7) twice), take the most frequent — ties to the smallest left token, then the smallest
/// right — and replace its occurrences left to right without overlap. It stops at the vocabulary size asked for, or
/// when no pair occurs at least <c>minPairCount</c> times (FAST trains with a minimum frequency of 2). Merges never
/// cross from one sequence to the next.</para>
/// <para><b>Encoding</b> applies the merges in the order they were learned. It is computed by repeatedly merging the
/// adjacent pair with the earliest merge, which gives the same result: a merge's new token is larger than any token an
/// earlier merge involves, so no later merge can make an earlier one applicable again.</para>
/// <para><b>Decoding</b> expands every token back to its base tokens.</para>
/// FAST trains its BPE with Hugging Face's tokenizers library on the coefficients written as characters; this is the
/// same algorithm on the integers themselves. No .NET library trains BPE on integer sequences (Microsoft.ML.Tokenizers
/// 2.0 encodes text with a given vocabulary and merges but has no trainer).
/// </summary>
public sealed record BytePairEncoding
{
    private readonly TokenPair[] merges;
    private readonly Dictionary<TokenPair, int> rank;
    private readonly int[][] expansion;

    /// <summary>A tokenizer with base alphabet 0 … <paramref name="baseVocabulary"/>−1 and the given merges, in the order learned.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An empty alphabet, or a merge that uses a token not defined before it (or repeats a pair).</exception>
    [JsonConstructor]
    public BytePairEncoding(int baseVocabulary, IReadOnlyList<TokenPair> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        if (baseVocabulary < 1) throw new ArgumentOutOfRangeException(nameof(baseVocabulary), baseVocabulary, "The base alphabet needs at least one token.");
        BaseVocabulary = baseVocabulary;
        this.merges = [.. merges];
        rank = new Dictionary<TokenPair, int>(this.merges.Length);
        expansion = new int[baseVocabulary + this.merges.Length][];
        for (int t = 0; t < baseVocabulary; t++) expansion[t] = [t];
        for (int m = 0; m < this.merges.Length; m++)
        {
            var (left, right) = (this.merges[m].Left, this.merges[m].Right);
            int defined = baseVocabulary + m;
            if (left < 0 || left >= defined || right < 0 || right >= defined)
                throw new ArgumentOutOfRangeException(nameof(merges), $"({left}, {right})", $"Merge {m} may only join tokens 0 to {defined - 1}, defined before it.");
            if (!rank.TryAdd(this.merges[m], m))
                throw new ArgumentOutOfRangeException(nameof(merges), $"({left}, {right})", $"Merge {m} repeats merge {rank[this.merges[m]]}.");
            expansion[defined] = [.. expansion[left], .. expansion[right]];
        }
    }

    /// <summary>A, the size of the base alphabet.</summary>
    public int BaseVocabulary { get; }

    /// <summary>The merges in the order they were learned; merge m makes token A + m.</summary>
    public IReadOnlyList<TokenPair> Merges => merges;

    /// <summary>Every token: the base alphabet and one per merge.</summary>
    [JsonIgnore]
    public int VocabularySize => BaseVocabulary + merges.Length;

    /// <summary>
    /// Learns merges on <paramref name="sequences"/> of base tokens in [0, <paramref name="baseVocabulary"/>) until the
    /// vocabulary reaches <paramref name="vocabularySize"/> or no pair occurs <paramref name="minPairCount"/> times.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A vocabulary smaller than the alphabet, a minimum count below 1, or a token outside the alphabet.</exception>
    public static BytePairEncoding Train(IEnumerable<IReadOnlyList<int>> sequences, int baseVocabulary, int vocabularySize, int minPairCount = 2)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (baseVocabulary < 1) throw new ArgumentOutOfRangeException(nameof(baseVocabulary), baseVocabulary, "The base alphabet needs at least one token.");
        if (vocabularySize < baseVocabulary)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"The vocabulary must hold at least the {baseVocabulary} base tokens.");
        ArgumentOutOfRangeException.ThrowIfLessThan(minPairCount, 1);

        // Identical sequences are trained once, with their count as weight.
        var weights = new Dictionary<string, (List<int> Tokens, long Weight)>(StringComparer.Ordinal);
        int index = 0;
        foreach (var sequence in sequences)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            for (int i = 0; i < sequence.Count; i++)
            {
                if (sequence[i] < 0 || sequence[i] >= baseVocabulary)
                    throw new ArgumentOutOfRangeException(nameof(sequences), sequence[i], $"Sequence {index}, position {i}: expected a base token 0 to {baseVocabulary - 1}.");
            }
            string key = string.Join(',', sequence);
            weights[key] = weights.TryGetValue(key, out var entry) ? (entry.Tokens, entry.Weight + 1) : ([.. sequence], 1);
            index++;
        }
        var words = weights.Values.Select(w => w.Tokens).ToList();
        var wordWeight = weights.Values.Select(w => w.Weight).ToArray();

        var counts = new Dictionary<TokenPair, long>();
        var containing = new Dictionary<TokenPair, HashSet<int>>();   // may keep words that lost the pair: merging them is a no-op
        for (int w = 0; w < words.Count; w++) AddPairs(words[w], w, wordWeight[w], counts, containing);

        var learned = new List<TokenPair>();
        while (baseVocabulary + learned.Count < vocabularySize)
        {
            TokenPair best = default;
            long bestCount = 0;
            foreach (var (pair, count) in counts)                                                // argmax count, ties: smallest (left, right)
            {
                if (count > bestCount || (count == bestCount && Before(pair, best))) (best, bestCount) = (pair, count);
            }
            if (bestCount < minPairCount) break;
            int token = baseVocabulary + learned.Count;
            learned.Add(best);
            foreach (int w in containing[best].Order().ToArray())
            {
                RemovePairs(words[w], wordWeight[w], counts);
                MergeInPlace(words[w], best, token);
                AddPairs(words[w], w, wordWeight[w], counts, containing);
            }
        }
        return new BytePairEncoding(baseVocabulary, learned);
    }

    /// <summary>The tokens of a sequence of base tokens: every merge applied, in the order learned.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the base alphabet, named by position.</exception>
    public int[] Encode(IReadOnlyList<int> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var tokens = new List<int>(symbols.Count);
        for (int i = 0; i < symbols.Count; i++)
        {
            if (symbols[i] < 0 || symbols[i] >= BaseVocabulary)
                throw new ArgumentOutOfRangeException(nameof(symbols), symbols[i], $"Position {i}: expected a base token 0 to {BaseVocabulary - 1}.");
            tokens.Add(symbols[i]);
        }
        while (tokens.Count > 1)
        {
            int earliest = int.MaxValue;
            for (int i = 0; i + 1 < tokens.Count; i++)
            {
                if (rank.TryGetValue(new TokenPair(tokens[i], tokens[i + 1]), out int m) && m < earliest) earliest = m;
            }
            if (earliest == int.MaxValue) break;
            MergeInPlace(tokens, merges[earliest], BaseVocabulary + earliest);
        }
        return [.. tokens];
    }

    /// <summary>The base tokens a token sequence stands for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A token outside [0, <see cref="VocabularySize"/>), named by position.</exception>
    public int[] Decode(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var symbols = new List<int>(tokens.Count * 2);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] < 0 || tokens[i] >= VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens[i], $"Token {i} is {tokens[i]}: the vocabulary holds tokens 0 to {VocabularySize - 1}.");
            symbols.AddRange(expansion[tokens[i]]);
        }
        return [.. symbols];
    }

    /// <summary>How many base tokens <paramref name="token"/> stands for.</summary>
    public int Length(int token)
    {
        if (token < 0 || token >= VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(token), token, $"The vocabulary holds tokens 0 to {VocabularySize - 1}.");
        return expansion[token].Length;
    }

    /// <summary>Value equality over the alphabet and the merges in order.</summary>
    public bool Equals(BytePairEncoding? other) => other is not null && BaseVocabulary == other.BaseVocabulary && merges.SequenceEqual(other.merges);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BaseVocabulary, merges.Length);

    private static bool Before(TokenPair a, TokenPair b) => a.Left < b.Left || (a.Left == b.Left && a.Right < b.Right);

    private static void MergeInPlace(List<int> tokens, TokenPair pair, int token)
    {
        int write = 0;
        for (int read = 0; read < tokens.Count; read++, write++)
        {
            if (read + 1 < tokens.Count && tokens[read] == pair.Left && tokens[read + 1] == pair.Right)
            {
                tokens[write] = token;                                                           // (left, right) → new token, left to right
                read++;
            }
            else
            {
                tokens[write] = tokens[read];
            }
        }
        tokens.RemoveRange(write, tokens.Count - write);
    }

    private static void AddPairs(List<int> word, int index, long weight, Dictionary<TokenPair, long> counts, Dictionary<TokenPair, HashSet<int>> containing)
    {
        for (int i = 0; i + 1 < word.Count; i++)
        {
            var pair = new TokenPair(word[i], word[i + 1]);
            counts[pair] = counts.GetValueOrDefault(pair) + weight;
            if (!containing.TryGetValue(pair, out var set)) containing[pair] = set = [];
            set.Add(index);
        }
    }

    private static void RemovePairs(List<int> word, long weight, Dictionary<TokenPair, long> counts)
    {
        for (int i = 0; i + 1 < word.Count; i++)
        {
            var pair = new TokenPair(word[i], word[i + 1]);
            long left = counts[pair] - weight;
            if (left == 0) counts.Remove(pair);
            else counts[pair] = left;
        }
    }
}
