using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Tokenization;

/// <summary>
/// One pre-norm transformer block (GPT-2's arrangement): h ← h + Attention(LN(h)), then h ← h + MLP(LN(h)) with a
/// 4× wider GELU MLP. No dropout: training draws nothing at random, so the trainer's generator is the only randomness.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm attentionNorm;
    private readonly CausalSelfAttention attention;
    private readonly LayerNorm mlpNorm;
    private readonly Sequential mlp;

    /// <summary>Creates the block.</summary>
    public TransformerBlock(int width, int heads) : base(nameof(TransformerBlock))
    {
        attentionNorm = nn.LayerNorm(width);
        attention = new CausalSelfAttention(width, heads);
        mlpNorm = nn.LayerNorm(width);
        mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width));
        RegisterComponents();
    }

    /// <summary>h [B, T, W] → [B, T, W].</summary>
    public override Tensor forward(Tensor h)
    {
        h = h + attention.forward(attentionNorm.forward(h));                                    // h + Attn(LN(h))
        return h + mlp.forward(mlpNorm.forward(h));                                              // h + MLP(LN(h))
    }
}
