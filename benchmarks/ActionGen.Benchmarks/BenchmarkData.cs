using ActionGen.Data;
using ActionGen.Tasks;

namespace ActionGen.Benchmarks;

/// <summary>The data every benchmark trains on: the obstacle task's 8-step chunks (2-D observations, 16-D actions).</summary>
internal static class BenchmarkData
{
    public static ActionDataset Chunks { get; } = ActionChunks.FromDemonstrations(ObstacleDemonstrations.Generate(100, seed: 0), horizon: 8);
}
