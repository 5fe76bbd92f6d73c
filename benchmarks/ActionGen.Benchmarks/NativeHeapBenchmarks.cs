using ActionGen.Diffusion;
using ActionGen.Runtime;
using ActionGen.Tokenization;
using ActionGen.Training;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>
/// The same sampling calls with glibc's allocator keeping freed tensor memory (the library's default, see
/// <see cref="NativeHeap"/>) and with glibc's defaults (<c>ACTIONGEN_KEEP_FREED_MEMORY=0</c>). Each setting runs in a
/// process of its own: the thresholds are set once per process.
/// </summary>
[Config(typeof(AllocatorJobs))]
public class NativeHeapBenchmarks
{
    private DiffusionPolicy? ddpm;
    private TokenPolicy? fast;
    private torch.Tensor? observations;

    /// <summary>The two settings, as BenchmarkDotNet jobs that differ only in the environment variable.</summary>
    private sealed class AllocatorJobs : ManualConfig
    {
        public AllocatorJobs()
        {
            AddJob(Job.ShortRun.WithId("keep freed memory").WithEnvironmentVariable(NativeHeap.Variable, "1").AsBaseline());
            AddJob(Job.ShortRun.WithId("glibc defaults").WithEnvironmentVariable(NativeHeap.Variable, "0"));
        }
    }

    /// <summary>Rows per call: notebook 07 draws 20 chunks at each of 161 states.</summary>
    [Params(3220)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bool expected = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(NativeHeap.Variable) != "0";
        if (TorchRuntime.Initialize().KeepsFreedMemory != expected)
            throw new InvalidOperationException($"Expected the allocator thresholds {(expected ? "set" : "left alone")} ({NativeHeap.Variable} = '{Environment.GetEnvironmentVariable(NativeHeap.Variable)}'), the runtime did the opposite.");
        var brief = new TrainerOptions(Steps: 200, BatchSize: 128);                             // speed does not depend on how well
        ddpm = DiffusionPolicy.Train(BenchmarkData.Chunks, new DiffusionOptions(Width: 256, Blocks: 2), brief).Policy;
        fast = TokenPolicy.Train(BenchmarkData.Chunks, TokenSetups.Fast, brief).Policy;
        observations = torch.rand(Batch, 2) * 2 - 1;
    }

    [Benchmark(Description = "DDPM-100, width 256")]
    public float Ddpm() => ActOnce.Run(ddpm!, observations!);

    [Benchmark(Description = "tokens, FAST")]
    public float Fast() => ActOnce.Run(fast!, observations!);

    [GlobalCleanup]
    public void Cleanup()
    {
        ddpm?.Dispose();
        fast?.Dispose();
        observations?.Dispose();
    }
}
