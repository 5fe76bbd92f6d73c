using ActionGen.Data;
using ActionGen.Sampling;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Policies;

/// <summary>
/// What diffusion and flow matching share: a network f_θ(x, t, s) (<see cref="ResidualFilmMlp"/>), an optional
/// exponential moving average of its weights (Diffusion Policy's EMA), and a <see cref="Sampler"/> that turns the
/// network's outputs into an action, starting from x ~ N(0, I). <c>WithSampling</c> returns a view with another sampler
/// that shares the network and its EMA; both the view and this policy generate with — and save — the EMA weights when
/// an EMA is kept.
/// </summary>
public abstract class IterativePolicy : Policy, IAfterOptimizerStep
{
    private readonly ResidualFilmMlp trunk;
    private readonly ExponentialMovingAverage? ema;

    /// <summary>Sets up an owner (<paramref name="owner"/> null: <paramref name="emaTrunk"/> is owned) or a view of <paramref name="owner"/>'s network.</summary>
    protected IterativePolicy(ResidualFilmMlp trunk, ResidualFilmMlp? emaTrunk, double? emaPower, Sampler sampler,
        MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, Device device, IterativePolicy? owner)
        : base(trunk, observationNormalizer, actionNormalizer, device, owner)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        this.trunk = trunk;
        Sampler = sampler;
        if (owner is not null)
        {
            ema = owner.ema;
        }
        else if (emaTrunk is not null && emaPower is double power)
        {
            emaTrunk.to(device);
            ema = new ExponentialMovingAverage(trunk, emaTrunk, power);
            ema.Reset();
        }
    }

    /// <summary>How actions are generated from the network.</summary>
    public Sampler Sampler { get; }

    /// <summary>A sample: every call starts from fresh noise, so calls differ even where the updates are deterministic (DDIM with η = 0, Euler).</summary>
    public override ActionOutput Output => ActionOutput.Sample;

    /// <inheritdoc />
    public override int NetworkEvaluations => Sampler.NetworkEvaluations;

    /// <summary>True when an exponential moving average of the weights is kept, and generates.</summary>
    public bool UsesEma => ema is not null;

    /// <summary>The network that generates actions: the EMA copy when one is kept, else the trained network.</summary>
    protected ResidualFilmMlp SamplingNetwork => ema?.Shadow as ResidualFilmMlp ?? trunk;

    /// <summary>The trained network (the one the optimiser updates).</summary>
    protected ResidualFilmMlp Trunk => trunk;

    /// <inheritdoc />
    protected override nn.Module SavedNetwork => SamplingNetwork;

    /// <summary>The network's time input for a sampler time (diffusion: the timestep itself; flow matching: a scaled τ).</summary>
    protected abstract double NetworkTime(double samplerTime);

    /// <inheritdoc />
    public void AfterOptimizerStep(int stepNumber) => ema?.Update(stepNumber);

    /// <inheritdoc />
    protected override void AfterWeightsLoaded() => ema?.CopyShadowToSource();

    /// <inheritdoc />
    protected override Tensor ActNormalized(Tensor observations) => GenerateNormalized(observations);

    /// <summary>
    /// Runs the sampler for normalised observations [B, ds] from x ~ N(0, I) and returns normalised actions [B, da].
    /// When <paramref name="trajectory"/> is given, every intermediate x (normalised, on the CPU) is appended to it, the
    /// start first. Draws come from torch's global generator (seed it with <c>Seeds.Seed</c> for reproducible samples).
    /// </summary>
    public Tensor GenerateNormalized(Tensor observations, IList<Tensor>? trajectory = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ThrowIfDisposed();
        var network = SamplingNetwork;
        network.eval();
        long b = observations.shape[0];
        var x = randn(b, ActionDim, device: observations.device);                                  // x ~ N(0, I)
        trajectory?.Add(x.detach().cpu().MoveToOuterDisposeScope());
        var memory = Sampler.NewMemory();
        foreach (var step in Sampler.Steps)
        {
            using var scope = NewDisposeScope();
            var times = full([b], NetworkTime(step.Time), dtype: float32, device: x.device);
            var output = network.forward(x, times, observations);                                   // ε̂, x̂₀ or v̂ at (x, t, s)
            var noise = randn_like(x);
            x = Sampler.Step(output, step, x, noise, memory).MoveToOuterDisposeScope();
            trajectory?.Add(x.detach().cpu().MoveToOuterDisposeScope());
        }
        return Sampler.Finish(x);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !IsView && !IsDisposed) ema?.Shadow.Dispose();
        base.Dispose(disposing);
    }
}
