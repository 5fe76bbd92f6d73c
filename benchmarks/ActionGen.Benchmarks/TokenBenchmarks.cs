using ActionGen.Policies;
using ActionGen.Tokenization;
using ActionGen.Training;
using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>The options both token benchmarks use: the library's default transformer, RT-2's 256 bins or FAST (γ = 10, 1024 tokens) over 8 steps.</summary>
internal static class TokenSetups
{
    public static TokenOptions Naive { get; } = new();

    public static TokenOptions Fast { get; } = new(ActionTokenization.Fast, ChunkSteps: 8);
}

/// <summary>
/// Time per training step of the token policy on the obstacle chunks (16 values): naive per-dimension bins take 16 tokens
/// per chunk, FAST about 6, so a step costs what its sequence length costs (teacher forcing runs all positions at once).
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class TokenTrainStepBenchmarks
{
    private const int StepsPerInvocation = 50;
    private TokenPolicy? naive;
    private TokenPolicy? fast;

    private static TrainerOptions Options => new(Steps: StepsPerInvocation, BatchSize: 128, ReportEvery: StepsPerInvocation);

    [GlobalSetup]
    public void Setup()
    {
        naive = TokenPolicy.Create(BenchmarkData.Chunks, TokenSetups.Naive);
        fast = TokenPolicy.Create(BenchmarkData.Chunks, TokenSetups.Fast);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvocation, Description = "token policy, naive bins (16 tokens)")]
    public int Naive() => Trainer.Fit(naive!, BenchmarkData.Chunks, Options).Loss.Count;

    [Benchmark(OperationsPerInvoke = StepsPerInvocation, Description = "token policy, FAST")]
    public int Fast() => Trainer.Fit(fast!, BenchmarkData.Chunks, Options).Loss.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        naive?.Dispose();
        fast?.Dispose();
    }
}

/// <summary>One <see cref="IPolicy.Act"/> call of the token policy: one network pass per token, every row of the batch in parallel (divide by the batch for µs/action).</summary>
public class TokenSamplingBenchmarks
{
    private TokenPolicy? naive;
    private TokenPolicy? fast;
    private torch.Tensor? observations;

    /// <summary>Observations per call: one robot, or many environments.</summary>
    [Params(1, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var brief = new TrainerOptions(Steps: 200, BatchSize: 128); // trained briefly so FAST's sequences end near their usual length
        naive = TokenPolicy.Train(BenchmarkData.Chunks, TokenSetups.Naive, brief).Policy;
        fast = TokenPolicy.Train(BenchmarkData.Chunks, TokenSetups.Fast, brief).Policy;
        observations = torch.rand(Batch, 2) * 2 - 1;
    }

    [Benchmark(Baseline = true, Description = "token policy, naive bins (16 tokens)")]
    public float Naive() => ActOnce.Run(naive!, observations!);

    [Benchmark(Description = "token policy, FAST")]
    public float Fast() => ActOnce.Run(fast!, observations!);

    [GlobalCleanup]
    public void Cleanup()
    {
        naive?.Dispose();
        fast?.Dispose();
        observations?.Dispose();
    }
}
