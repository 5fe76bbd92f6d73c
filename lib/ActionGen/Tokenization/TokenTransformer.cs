using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Tokenization;

/// <summary>
/// A small decoder-only transformer over action tokens, conditioned on the observation as a prefix: position 0 holds
/// W_s s, position i ≥ 1 the embedding of token i; learned position embeddings are added; causal blocks; a final
/// layer norm; a linear head to logits over the action tokens and the end token. The output at position i is
/// p(token i+1 | s, tokens 1 … i) — the chain rule p(t₁ … t_L | s) = Πᵢ p(tᵢ | s, t₁ … tᵢ₋₁). RT-2, OpenVLA and
/// π0-FAST put the same factorisation on a vision-language model with the image and instruction as prefix.
/// </summary>
public sealed class TokenTransformer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear observation;
    private readonly Embedding tokens;
    private readonly Embedding positions;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm finalNorm;
    private readonly Linear head;

    /// <summary>Creates the network for <paramref name="vocabulary"/> token ids (end token included) and sequences of up to <paramref name="maxTokens"/> tokens.</summary>
    public TokenTransformer(int observationDim, int vocabulary, int maxTokens, int width, int layers, int heads) : base(nameof(TokenTransformer))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observationDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        MaxTokens = maxTokens;
        observation = nn.Linear(observationDim, width);
        tokens = nn.Embedding(vocabulary, width);
        positions = nn.Embedding(maxTokens + 1, width);
        blocks = new ModuleList<TransformerBlock>(Enumerable.Range(0, layers).Select(_ => new TransformerBlock(width, heads)).ToArray());
        finalNorm = nn.LayerNorm(width);
        head = nn.Linear(width, vocabulary);
        RegisterComponents();
    }

    /// <summary>The longest token sequence the position embeddings cover.</summary>
    public int MaxTokens { get; }

    /// <summary>Logits [B, T + 1, V] for observations [B, ds] and the tokens so far [B, T] (int64, T ≤ <see cref="MaxTokens"/>, T = 0 allowed).</summary>
    public override Tensor forward(Tensor observations, Tensor tokenIds) => head.forward(Hidden(observations, tokenIds));

    /// <summary>Logits [B, V] of the next token only (the last position): what sampling needs, without the head's cost at every position.</summary>
    public Tensor NextTokenLogits(Tensor observations, Tensor tokenIds) => head.forward(Hidden(observations, tokenIds).select(1, -1));

    private Tensor Hidden(Tensor observations, Tensor tokenIds)
    {
        long t = tokenIds.shape[1];
        if (t > MaxTokens) throw new ArgumentException($"Expected at most {MaxTokens} tokens, got {t}.", nameof(tokenIds));
        var prefix = observation.forward(observations).unsqueeze(1);                           // e₀ = W_s s
        var h = cat([prefix, tokens.forward(tokenIds)], 1);                                     // [e₀, E[t₁], …, E[t_T]]
        h = h + positions.forward(arange(t + 1, dtype: int64, device: observations.device)).unsqueeze(0); // + P[0 … T]
        foreach (var block in blocks) h = block.forward(h);
        return finalNorm.forward(h);                                                            // the head maps this to logits of p(t_{i+1} | s, t_{≤i})
    }
}
