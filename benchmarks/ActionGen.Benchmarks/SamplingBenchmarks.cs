using ActionGen.Diffusion;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Training;
using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>Time per action: one <see cref="IPolicy.Act"/> call on a batch, per method and sampler (divide by the batch for µs/action).</summary>
public class SamplingBenchmarks
{
    private MsePolicy? mse;
    private MdnPolicy? mdn;
    private DiffusionPolicy? ddpm;
    private DiffusionPolicy? ddim10;
    private DiffusionPolicy? ddim5;
    private DiffusionPolicy? ddim2;
    private torch.Tensor? observations;

    /// <summary>Observations per call: one robot, or many environments.</summary>
    [Params(1, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Chunks;
        var brief = new TrainerOptions(Steps: 200); // trained briefly: speed does not depend on how well
        mse = MsePolicy.Train(data, training: brief).Policy;
        mdn = MdnPolicy.Train(data, training: brief).Policy;
        ddpm = DiffusionPolicy.Train(data, new DiffusionOptions(Width: 128, Blocks: 2), brief).Policy;
        ddim10 = ddpm.WithSampling(DiffusionSampling.Ddim(10));
        ddim5 = ddpm.WithSampling(DiffusionSampling.Ddim(5));
        ddim2 = ddpm.WithSampling(DiffusionSampling.Ddim(2));
        observations = torch.rand(Batch, 2) * 2 - 1;
    }

    [Benchmark(Baseline = true, Description = "MSE")]
    public float Mse() => ActOnce.Run(mse!, observations!);

    [Benchmark(Description = "MDN (K = 5)")]
    public float Mdn() => ActOnce.Run(mdn!, observations!);

    [Benchmark(Description = "DDPM-100")]
    public float Ddpm() => ActOnce.Run(ddpm!, observations!);

    [Benchmark(Description = "DDIM-10")]
    public float Ddim10() => ActOnce.Run(ddim10!, observations!);

    [Benchmark(Description = "DDIM-5")]
    public float Ddim5() => ActOnce.Run(ddim5!, observations!);

    [Benchmark(Description = "DDIM-2")]
    public float Ddim2() => ActOnce.Run(ddim2!, observations!);

    [GlobalCleanup]
    public void Cleanup()
    {
        mse?.Dispose();
        mdn?.Dispose();
        ddpm?.Dispose();
    }
}
