namespace ActionGen.Exercises;

/// <summary>What a <see cref="GradingChannel"/> record says happened (written in kebab case: "not-attempted").</summary>
public enum GradingEvent
{
    /// <summary>The grader's cell before the learner's solution ran: the graded part starts.</summary>
    Begin,

    /// <summary>A check started (so a run stopped by its time limit can name the check it was in).</summary>
    Started,

    /// <summary>A check passed.</summary>
    Passed,

    /// <summary>A check failed: what it expected, what came, and the hint.</summary>
    Failed,

    /// <summary>The learner's code still throws <see cref="NotImplementedException"/>.</summary>
    NotAttempted,

    /// <summary>The learner's code threw something else inside the check.</summary>
    Errored,

    /// <summary>The grader's cell after the exercise's last check cell ran.</summary>
    End,
}
