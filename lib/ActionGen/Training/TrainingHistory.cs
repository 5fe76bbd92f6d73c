namespace ActionGen.Training;

/// <summary>What a training run did: the loss at every step, time taken, and where it stopped if the loss went non-finite.</summary>
/// <param name="Loss">The mini-batch loss at each completed step.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="StepsPlanned">Steps the options asked for.</param>
/// <param name="NonFiniteStep">The 1-based step at which a loss term became NaN or infinite, or null.</param>
/// <param name="NonFiniteTerm">The name of that term, or null.</param>
public sealed record TrainingHistory(IReadOnlyList<double> Loss, double Seconds, int StepsPlanned, int? NonFiniteStep, string? NonFiniteTerm)
{
    /// <summary>True when every planned step ran with a finite loss.</summary>
    public bool Completed => NonFiniteStep is null && Loss.Count == StepsPlanned;

    /// <summary>The mean loss over the last <paramref name="steps"/> steps (a less noisy "final loss").</summary>
    public double FinalLoss(int steps = 100) => Loss.Count == 0 ? double.NaN : Loss.Skip(Math.Max(0, Loss.Count - steps)).Average();

    /// <summary>Microseconds per training step.</summary>
    public double MicrosecondsPerStep => Loss.Count == 0 ? double.NaN : Seconds * 1e6 / Loss.Count;
}
