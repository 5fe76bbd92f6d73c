namespace ActionGen.Exercises;

/// <summary>The outcome of one exercise check.</summary>
/// <param name="Exercise">The exercise id, e.g. "00.1".</param>
/// <param name="Passed">True when the learner's answer matched.</param>
/// <param name="Message">What the learner reads: a pass line, or what was expected, what came, and a hint.</param>
public sealed record ExerciseResult(string Exercise, bool Passed, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
