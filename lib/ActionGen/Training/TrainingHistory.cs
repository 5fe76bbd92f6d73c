namespace ActionGen.Training;

/// <summary>What a training run did: the loss at every step, time taken, and where and why it stopped if it failed.</summary>
/// <param name="Loss">The mini-batch loss at each completed step.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="StepsPlanned">Steps the options asked for.</param>
/// <param name="NonFiniteStep">The 1-based step at which a loss term or the weights became NaN or infinite, or null.</param>
/// <param name="NonFiniteTerm">What went non-finite (a loss term's name, or "parameters" for the weights), or null.</param>
/// <param name="Diverged">Why the run counts as diverged although every value stayed finite, or null.</param>
public sealed record TrainingHistory(IReadOnlyList<double> Loss, double Seconds, int StepsPlanned, int? NonFiniteStep, string? NonFiniteTerm, string? Diverged = null)
{
    /// <summary>True when every planned step ran with finite values and the run did not diverge.</summary>
    public bool Completed => NonFiniteStep is null && Diverged is null && Loss.Count == StepsPlanned;

    /// <summary>The mean loss over the last <paramref name="steps"/> steps (a less noisy "final loss").</summary>
    public double FinalLoss(int steps = 100) => Loss.Count == 0 ? double.NaN : Loss.Skip(Math.Max(0, Loss.Count - steps)).Average();

    /// <summary>Microseconds per training step.</summary>
    public double MicrosecondsPerStep => Loss.Count == 0 ? double.NaN : Seconds * 1e6 / Loss.Count;
}
