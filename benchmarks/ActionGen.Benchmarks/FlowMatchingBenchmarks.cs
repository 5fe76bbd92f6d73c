using ActionGen.Diffusion;
using ActionGen.FlowMatching;
using ActionGen.Policies;
using ActionGen.Training;
using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>
/// Flow matching beside diffusion with the same network (residual FiLM MLP, width 128, 2 blocks — the comparison's):
/// one training step of each, and one <see cref="IPolicy.Act"/> call at the same number of network evaluations
/// (Euler steps against trailing-spaced DDIM steps), NFE 1, 4 and 10, at batch 1 and 1024.
/// </summary>
public class FlowMatchingBenchmarks
{
    private const int StepsPerInvocation = 200;
    private FlowMatchingPolicy? flow;
    private DiffusionPolicy? diffusion;
    private readonly Dictionary<string, IPolicy> views = [];
    private torch.Tensor? observations;

    /// <summary>Observations per call: one robot, or many environments.</summary>
    [Params(1, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Chunks;
        var brief = new TrainerOptions(Steps: 200);
        flow = FlowMatchingPolicy.Train(data, new FlowMatchingOptions(Width: 128, Blocks: 2), brief).Policy;
        diffusion = DiffusionPolicy.Train(data, new DiffusionOptions(Width: 128, Blocks: 2), brief).Policy;
        foreach (int nfe in new[] { 1, 4, 10 })
        {
            views[$"euler{nfe}"] = flow.WithSampling(FlowSampling.Euler(nfe));
            views[$"ddim{nfe}"] = diffusion.WithSampling(DiffusionSampling.Ddim(nfe, spacing: DdimSpacing.Trailing));
        }
        observations = torch.rand(Batch, 2) * 2 - 1;
    }

    private float Run(string view) => ActOnce.Run(views[view], observations!);

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "train step, flow matching (batch 256)")]
    public int TrainFlow() => Trainer.Fit(flow!, BenchmarkData.Chunks, new TrainerOptions(Steps: StepsPerInvocation, ReportEvery: StepsPerInvocation)).Loss.Count;

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "train step, diffusion (batch 256)")]
    public int TrainDiffusion() => Trainer.Fit(diffusion!, BenchmarkData.Chunks, new TrainerOptions(Steps: StepsPerInvocation, ReportEvery: StepsPerInvocation)).Loss.Count;

    [Benchmark(Description = "Euler-1")]
    public float Euler1() => Run("euler1");

    [Benchmark(Description = "DDIM-1 (trailing)")]
    public float Ddim1() => Run("ddim1");

    [Benchmark(Description = "Euler-4")]
    public float Euler4() => Run("euler4");

    [Benchmark(Description = "DDIM-4 (trailing)")]
    public float Ddim4() => Run("ddim4");

    [Benchmark(Description = "Euler-10")]
    public float Euler10() => Run("euler10");

    [Benchmark(Description = "DDIM-10 (trailing)")]
    public float Ddim10() => Run("ddim10");

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var view in views.Values) view.Dispose();
        flow?.Dispose();
        diffusion?.Dispose();
    }
}
