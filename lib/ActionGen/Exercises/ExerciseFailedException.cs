namespace ActionGen.Exercises;

/// <summary>Thrown by a failed check, so a headless run stops on a broken solution. Its message is the learner's hint.</summary>
public sealed class ExerciseFailedException : Exception
{
    /// <summary>Creates the exception for a failed <paramref name="result"/>.</summary>
    public ExerciseFailedException(ExerciseResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message) => Result = result;

    /// <summary>The failed check.</summary>
    public ExerciseResult Result { get; }
}
