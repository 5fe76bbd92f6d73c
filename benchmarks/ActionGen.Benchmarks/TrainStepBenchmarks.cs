using ActionGen.Data;
using ActionGen.Diffusion;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Training;
using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>
/// Time per training step (Adam, one mini-batch), overhead-bound (width 32, batch 32) and compute-bound (width 256,
/// batch 256). The bare loop is the same MLP trained with a hand-written TorchSharp loop: the library's trainer must stay
/// within 1.1× of it.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class TrainStepBenchmarks
{
    private const int StepsPerInvocation = 500; // amortises Fit's one-off setup (optimiser, normalised data) the way a real run does
    private MsePolicy? mse;
    private MdnPolicy? mdn;
    private DiffusionPolicy? diffusion;
    private Mlp? bare;
    private torch.optim.Optimizer? bareOptimizer;
    private torch.Tensor? observations;
    private torch.Tensor? actions;
    private Random bareRandom = new(0);

    /// <summary>(width, batch): (32, 32) is overhead-bound, (256, 256) compute-bound.</summary>
    [Params(32, 256)]
    public int Size { get; set; }

    private TrainerOptions Options => new(Steps: StepsPerInvocation, BatchSize: Size, ReportEvery: StepsPerInvocation);

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Chunks;
        mse = MsePolicy.Create(data, new MseOptions([Size, Size]));
        mdn = MdnPolicy.Create(data, new MdnOptions(HiddenWidths: [Size, Size]));
        diffusion = DiffusionPolicy.Create(data, new DiffusionOptions(Width: Size, Blocks: 2));
        torch.manual_seed(0);
        bare = new Mlp(data.ObservationDim, [Size, Size], data.ActionDim);
        bareOptimizer = torch.optim.Adam(bare.parameters(), 1e-3);
        observations = mse.ObservationNormalizer.Normalize(data.ObservationTensor());
        actions = mse.ActionNormalizer.Normalize(data.ActionTensor());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvocation, Description = "bare TorchSharp loop (MSE MLP)")]
    public float BareLoop()
    {
        float last = 0;
        int count = (int)observations!.shape[0];
        for (int step = 0; step < StepsPerInvocation; step++)
        {
            using var scope = torch.NewDisposeScope();
            var index = torch.tensor(Enumerable.Range(0, Size).Select(_ => (long)bareRandom.Next(count)).ToArray());
            var loss = torch.nn.functional.mse_loss(bare!.forward(observations.index_select(0, index)), actions!.index_select(0, index));
            bareOptimizer!.zero_grad();
            loss.backward();
            bareOptimizer.step();
            last = loss.item<float>();
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "library trainer, MSE")]
    public int Mse() => Trainer.Fit(mse!, BenchmarkData.Chunks, Options).Loss.Count;

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "library trainer, MDN (K = 5)")]
    public int Mdn() => Trainer.Fit(mdn!, BenchmarkData.Chunks, Options).Loss.Count;

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "library trainer, diffusion")]
    public int Diffusion() => Trainer.Fit(diffusion!, BenchmarkData.Chunks, Options).Loss.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        mse?.Dispose();
        mdn?.Dispose();
        diffusion?.Dispose();
        bare?.Dispose();
    }
}
