using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Diffusion;

/// <summary>
/// ε_θ(x_t, t, s): a residual MLP over the noisy action, conditioned on the observation and the timestep by FiLM —
/// each block scales and shifts its hidden units by amounts computed from [s, embed(t)].
/// </summary>
public sealed class Denoiser : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly int timeEmbedding;
    private readonly Linear input;
    private readonly Sequential conditioning;
    private readonly ModuleList<Linear> inner;
    private readonly ModuleList<Linear> outer;
    private readonly ModuleList<Linear> film;
    private readonly Linear output;

    /// <summary>Creates the network for actions of <paramref name="actionDim"/> and observations of <paramref name="observationDim"/>.</summary>
    public Denoiser(int actionDim, int observationDim, int width, int blocks, int timeEmbedding) : base(nameof(Denoiser))
    {
        this.timeEmbedding = timeEmbedding;
        input = nn.Linear(actionDim, width);
        conditioning = nn.Sequential(nn.Linear(observationDim + timeEmbedding, width), nn.SiLU(), nn.Linear(width, width), nn.SiLU());
        inner = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, width)).ToArray());
        outer = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, width)).ToArray());
        film = new ModuleList<Linear>(Enumerable.Range(0, blocks).Select(_ => nn.Linear(width, 2 * width)).ToArray());
        output = nn.Linear(width, actionDim);
        RegisterComponents();
    }

    /// <summary>The sinusoidal embedding of integer timesteps [B] → [B, E] (Vaswani et al.; as in DDPM).</summary>
    public static Tensor EmbedTimesteps(Tensor timesteps, int size)
    {
        ArgumentNullException.ThrowIfNull(timesteps);
        int half = size / 2;
        var frequencies = exp(arange(half, dtype: float32, device: timesteps.device) * (-Math.Log(10000.0) / Math.Max(1, half - 1))); // 10000^(−i/(h−1))
        var angles = timesteps.to(float32).unsqueeze(1) * frequencies.unsqueeze(0);
        return cat([sin(angles), cos(angles)], 1);
    }

    /// <summary>Predicts ε (or x₀) for noisy actions [B, da], timesteps [B] (int64) and observations [B, ds].</summary>
    public override Tensor forward(Tensor noisyActions, Tensor timesteps, Tensor observations)
    {
        var condition = conditioning.forward(cat([observations, EmbedTimesteps(timesteps, timeEmbedding)], 1));
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
