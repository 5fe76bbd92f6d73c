using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Tokenization;

/// <summary>
/// Multi-head self-attention in which position i sees only positions ≤ i (Vaswani et al. 2017, the decoder's mask):
/// Attention(Q, K, V) = softmax(Q Kᵀ / √d_h + M) V with M_ij = −∞ for j &gt; i, per head, heads concatenated and projected.
/// Written out rather than taken from <c>nn.TransformerEncoderLayer</c> so every formula is a line.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly int heads;
    private readonly Linear queryKeyValue;
    private readonly Linear output;

    /// <summary>Creates the layer for a width divisible by <paramref name="heads"/>.</summary>
    public CausalSelfAttention(int width, int heads) : base(nameof(CausalSelfAttention))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        if (width < 1 || width % heads != 0) throw new ArgumentOutOfRangeException(nameof(width), width, $"The width must be a positive multiple of the {heads} heads.");
        this.heads = heads;
        queryKeyValue = nn.Linear(width, 3 * width);
        output = nn.Linear(width, width);
        RegisterComponents();
    }

    /// <summary>x [B, T, W] → [B, T, W].</summary>
    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], t = x.shape[1], w = x.shape[2], dh = w / heads;
        var qkv = queryKeyValue.forward(x).view(b, t, 3, heads, dh).permute(2, 0, 3, 1, 4);   // [3, B, h, T, d_h]
        var (q, k, v) = (qkv[0], qkv[1], qkv[2]);
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(dh);                              // Q Kᵀ / √d_h
        using var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);        // M: j > i
        var weights = nn.functional.softmax(scores.masked_fill(future, double.NegativeInfinity), -1); // softmax(Q Kᵀ / √d_h + M)
        var attended = weights.matmul(v).transpose(1, 2).reshape(b, t, w);                     // concat_h(A_h V_h)
        return output.forward(attended);                                                        // · W_O
    }
}
