namespace ActionGen.Training;

/// <summary>Training stopped because it went wrong: a value became non-finite, or the run diverged.</summary>
public abstract class TrainingFailedException : Exception
{
    /// <summary>Creates the exception for 1-based <paramref name="step"/>.</summary>
    protected TrainingFailedException(int step, string message) : base(message) => Step = step;

    /// <summary>The 1-based step at which the failure was detected.</summary>
    public int Step { get; }
}
