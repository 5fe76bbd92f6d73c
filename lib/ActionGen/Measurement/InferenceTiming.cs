using System.Diagnostics;
using ActionGen.Policies;
using TorchSharp;

namespace ActionGen.Measurement;

/// <summary>How long a policy takes per action: one measurement for notebooks (benchmarks use BenchmarkDotNet).</summary>
/// <param name="BatchSize">Observations per call.</param>
/// <param name="MicrosecondsPerCall">Median wall time of one <see cref="IPolicy.Act"/> call.</param>
/// <param name="Threads">libtorch's intra-op threads during the measurement.</param>
/// <param name="Device">Where the policy ran.</param>
public sealed record InferenceTime(int BatchSize, double MicrosecondsPerCall, int Threads, string Device)
{
    /// <summary>Wall time per action: the call's time shared by the batch.</summary>
    public double MicrosecondsPerAction => MicrosecondsPerCall / BatchSize;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"batch {BatchSize,5}: {MicrosecondsPerCall,9:F1} µs per call, {MicrosecondsPerAction,8:F2} µs per action ({Device}, {Threads} thread(s))");
}

/// <summary>Times <see cref="IPolicy.Act"/>: a few warm-up calls, then the median of repeated calls.</summary>
public static class InferenceTiming
{
    /// <summary>Measures <paramref name="policy"/> at <paramref name="batchSize"/> with random observations in [−1, 1].</summary>
    public static InferenceTime Measure(IPolicy policy, int batchSize, int repetitions = 50, int warmup = 5)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        using var observations = (torch.rand(batchSize, policy.ObservationDim, device: policy.Device) * 2 - 1);
        for (int i = 0; i < warmup; i++) policy.Act(observations).Dispose();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using (var actions = policy.Act(observations))
            {
                if (policy.Device.type == DeviceType.CUDA) torch.cuda.synchronize();
            }
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(times);
        return new InferenceTime(batchSize, times[repetitions / 2], torch.get_num_threads(), policy.Device.type.ToString().ToLowerInvariant());
    }
}
