namespace ActionGen.Training;

/// <summary>A progress report: the step just finished, its loss (mean since the last report) and timing.</summary>
public sealed record TrainingProgress(int Step, int TotalSteps, double Loss, double LearningRate, TimeSpan Elapsed)
{
    /// <summary>Fraction of steps done.</summary>
    public double Fraction => (double)Step / TotalSteps;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"step {Step,6}/{TotalSteps} · loss {Loss:G5} · lr {LearningRate:G3} · {Elapsed.TotalSeconds:F1} s");
}
