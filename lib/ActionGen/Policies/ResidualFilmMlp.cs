using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Policies;

/// <summary>
/// The network of every iterative method, f_θ(x, t, s): a residual MLP over the noisy action x, conditioned on the
/// observation s and the time t by FiLM — each block scales and shifts its hidden units by amounts computed from
/// [s, embed(t)]. Diffusion reads its output as ε (or x₀), flow matching as a velocity. Diffusion Policy uses a 1-D
/// temporal U-Net with the same FiLM conditioning; the series' short, low-dimensional chunks do not need the U-Net.
/// </summary>
public sealed class ResidualFilmMlp : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly int timeEmbedding;
    private readonly Linear input;
    private readonly Sequential conditioning;
    private readonly ModuleList<Linear> inner;
    private readonly ModuleList<Linear> outer;
    private readonly ModuleList<Linear> film;
    private readonly Linear output;

    /// <summary>Creates the network for actions of <paramref name="actionDim"/> and observations of <paramref name="observationDim"/>.</summary>
    public ResidualFilmMlp(int actionDim, int observationDim, int width, int blocks, int timeEmbedding) : base(nameof(ResidualFilmMlp))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actionDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        if (timeEmbedding < 2 || timeEmbedding % 2 != 0) throw new ArgumentOutOfRangeException(nameof(timeEmbedding), timeEmbedding, "The time embedding needs an even size ≥ 2.");
        this.timeEmbedding = timeEmbedding;
        input = nn.Linear(actionDim, width);
        conditioning = nn.Sequential(nn.Linear(observationDim + timeEmbedding, width), nn.SiLU(), nn.Linear(width, width), nn.SiLU());
        inner = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, width)).ToArray());
        outer = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, width)).ToArray());
        film = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, 2 * width)).ToArray());
        output = nn.Linear(width, actionDim);
        RegisterComponents();
    }

    /// <summary>The sinusoidal embedding of times [B] (any real values) → [B, E] (Vaswani et al.; as in DDPM): sin and cos of t · 10000^(−i/(h−1)).</summary>
    public static Tensor EmbedTimes(Tensor times, int size)
    {
        ArgumentNullException.ThrowIfNull(times);
        int half = size / 2;
        var frequencies = exp(arange(half, dtype: float32, device: times.device) * (-Math.Log(10000.0) / Math.Max(1, half - 1))); // 10000^(−i/(h−1))
        var angles = times.to(float32).unsqueeze(1) * frequencies.unsqueeze(0);
        return cat([sin(angles), cos(angles)], 1);
    }

    /// <summary>The output for noisy actions [B, da], times [B] and observations [B, ds].</summary>
    public override Tensor forward(Tensor noisyActions, Tensor times, Tensor observations)
    {
        var condition = conditioning.forward(cat([observations, EmbedTimes(times, timeEmbedding)], 1));
        var h = input.forward(noisyActions);
        for (int b = 0; b < inner.Count; b++)
        {
            var scaleShift = film[b].forward(condition).chunk(2, 1);
            var z = nn.functional.silu(inner[b].forward(h)) * (1 + scaleShift[0]) + scaleShift[1];   // FiLM: γ ⊙ z + β
            h = h + outer[b].forward(nn.functional.silu(z));                                       // residual block
        }
        return output.forward(nn.functional.silu(h));
    }
}
