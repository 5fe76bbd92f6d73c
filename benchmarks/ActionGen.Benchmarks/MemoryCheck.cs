using System.Diagnostics;
using ActionGen.Diffusion;
using ActionGen.FlowMatching;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Tokenization;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Benchmarks;

/// <summary>
/// Native memory over a long training run: live TorchSharp tensors and the process's resident memory at the start and
/// end of 10,000 steps per method. Fails (exit code 1) when live tensors grow by more than a fixed allowance.
/// </summary>
internal static class MemoryCheck
{
    public const int Steps = 10_000;

    /// <summary>Steps for the token policy, whose step costs about ten times the others'.</summary>
    public const int TokenSteps = 2_000;
    private const long LiveTensorAllowance = 50;

    public static (bool Passed, string Markdown) Run()
    {
        var lines = new List<string> { "| method | steps | live tensors start → end | resident MB start → end | seconds |", "|---|---|---|---|---|" };
        bool passed = true;
        foreach (var (name, policy) in new (string, Policy)[]
                 {
                     ("MSE", MsePolicy.Create(BenchmarkData.Chunks)),
                     ("MDN (K = 5)", MdnPolicy.Create(BenchmarkData.Chunks)),
                     ("diffusion", DiffusionPolicy.Create(BenchmarkData.Chunks, new DiffusionOptions(Width: 128, Blocks: 2))),
                     ("flow matching", FlowMatchingPolicy.Create(BenchmarkData.Chunks, new FlowMatchingOptions(Width: 128, Blocks: 2))),
                     ("tokens (256 bins)", TokenPolicy.Create(BenchmarkData.Chunks, new TokenOptions())),
                 })
        {
            using (policy)
            {
                Trainer.Fit(policy, BenchmarkData.Chunks, new TrainerOptions(Steps: 10, BatchSize: 64)); // optimiser state exists from here on
                GC.Collect();
                var statistics = DisposeScopeManager.Statistics;
                long liveBefore = statistics.ThreadTotalLiveCount;
                double rssBefore = Process.GetCurrentProcess().WorkingSet64 / 1e6;
                int steps = policy is TokenPolicy ? TokenSteps : Steps;                      // a token step costs ~10× the others: fewer of them
                var history = Trainer.Fit(policy, BenchmarkData.Chunks, new TrainerOptions(Steps: steps, BatchSize: 64));
                GC.Collect();
                long liveAfter = statistics.ThreadTotalLiveCount;
                double rssAfter = Process.GetCurrentProcess().WorkingSet64 / 1e6;
                passed &= liveAfter - liveBefore <= LiveTensorAllowance;
                lines.Add(FormattableString.Invariant($"| {name} | {steps:N0} | {liveBefore} → {liveAfter} | {rssBefore:F0} → {rssAfter:F0} | {history.Seconds:F1} |"));
            }
        }
        lines.Add("");
        lines.Add(passed
            ? $"Check passed: live tensors grew by at most {LiveTensorAllowance} over every method's run."
            : $"CHECK FAILED: live tensors grew by more than {LiveTensorAllowance} in a run.");
        return (passed, string.Join('\n', lines));
    }
}
