using ActionGen.Diffusion;
using ActionGen.FlowMatching;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Tokenization;

namespace ActionGen.Comparison;

/// <summary>The series' methods as comparison entries: one line each, with the options that define them.</summary>
public static class ComparisonMethods
{
    /// <summary>
    /// Part one's methods as notebook 04 measures them: MSE; an MDN with K = 16; diffusion with the residual FiLM network
    /// (width 128, 2 blocks) predicting the noise (ε, Diffusion Policy's default) and predicting the clean action (x₀),
    /// each sampled with DDPM and DDIM-10. Notebooks 05 and 06 add their columns to these, and read them from the cache.
    /// </summary>
    public static IReadOnlyList<ComparisonMethod> PartOne()
    {
        var network = new DiffusionOptions(Width: 128, Blocks: 2);
        return
        [
            Mse(),
            Mdn(new MdnOptions(Components: 16)),
            Diffusion(network, "diffusion, ε"),
            Diffusion(network with { Target = Sampling.NetworkTarget.CleanAction }, "diffusion, x₀"),
        ];
    }

    /// <summary>MSE regression.</summary>
    public static ComparisonMethod Mse(MseOptions? options = null)
    {
        var o = options ?? new MseOptions();
        return new("MSE", Fingerprint(o with { Seed = 0 }),
            (data, training, seed, progress) => MsePolicy.Train(data, o with { Seed = seed }, training, progress), path => MsePolicy.Load(path));
    }

    /// <summary>A mixture density network.</summary>
    public static ComparisonMethod Mdn(MdnOptions? options = null, string name = "MDN")
    {
        var o = options ?? new MdnOptions();
        return new(name, Fingerprint(o with { Seed = 0 }),
            (data, training, seed, progress) => MdnPolicy.Train(data, o with { Seed = seed }, training, progress), path => MdnPolicy.Load(path));
    }

    /// <summary>A diffusion policy named <paramref name="name"/>, measured with each of <paramref name="samplers"/> (default: DDPM and DDIM-10).</summary>
    public static ComparisonMethod Diffusion(DiffusionOptions? options = null, string name = "diffusion", params DiffusionSampling[] samplers)
    {
        var o = options ?? new DiffusionOptions();
        DiffusionSampling[] used = samplers.Length > 0 ? samplers : [DiffusionSampling.Ddpm(), DiffusionSampling.Ddim(10)];
        var views = used.Select(s => new ComparisonView(s.Build(o.BuildSchedule(), o.Target).Name, p => ((DiffusionPolicy)p).WithSampling(s))).ToList();
        return new(name, Fingerprint(o with { Seed = 0, Sampling = null }),
            (data, training, seed, progress) => DiffusionPolicy.Train(data, o with { Seed = seed }, training, progress), path => DiffusionPolicy.Load(path), views);
    }

    /// <summary>A flow-matching policy, measured with each of <paramref name="samplers"/> (default: π0's 10 Euler steps).</summary>
    public static ComparisonMethod FlowMatching(FlowMatchingOptions? options = null, params FlowSampling[] samplers)
    {
        var o = options ?? new FlowMatchingOptions();
        FlowSampling[] used = samplers.Length > 0 ? samplers : [FlowSampling.Euler(10)];
        var views = used.Select(s => new ComparisonView(s.Build().Name, p => ((FlowMatchingPolicy)p).WithSampling(s))).ToList();
        return new("flow matching", Fingerprint(o with { Seed = 0, Sampling = null }),
            (data, training, seed, progress) => FlowMatchingPolicy.Train(data, o with { Seed = seed }, training, progress), path => FlowMatchingPolicy.Load(path), views);
    }

    /// <summary>
    /// An autoregressive token policy (per-dimension bins as RT-2, or FAST), named <paramref name="name"/>. It is not run
    /// on high-dimensional tasks whose actions need more than <paramref name="maxTokens"/> tokens (one per number for bins,
    /// up to one per number for FAST): sequential decoding of that many tokens is beyond the comparison's budget.
    /// </summary>
    /// <param name="options">The token policy's options.</param>
    /// <param name="name">The column's name.</param>
    /// <param name="maxTokens">The longest action, in values, it is run on.</param>
    /// <param name="batchSize">Its mini-batch, when it differs from the budget's (null: the budget's). Every sample is a
    /// sequence of up to T + 1 positions through the transformer, so a smaller batch still processes more positions per
    /// step than the other methods see rows; the batch is part of the method's identity in the cache.</param>
    public static ComparisonMethod Tokens(TokenOptions? options = null, string name = "tokens", int maxTokens = 64, int? batchSize = null)
    {
        var o = options ?? new TokenOptions();
        if (batchSize is < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a positive batch size, or null for the budget's.");
        string configuration = Fingerprint(o with { Seed = 0 }) + (batchSize is int b ? $"|batch {b}" : "");
        return new(name, configuration,
            (data, training, seed, progress) => TokenPolicy.Train(data, o with { Seed = seed }, batchSize is int batch ? training with { BatchSize = batch } : training, progress),
            path => TokenPolicy.Load(path),
            Skip: setting => setting.Task.ActionDim > maxTokens ? $"{setting.Task.ActionDim} tokens per action" : null);
    }

    /// <summary>The options as the JSON a model file stores: what identifies the method in every cache key.</summary>
    public static string Fingerprint(IPolicyOptions options) => PolicyFile.OptionsToJson(options).ToJsonString();
}
