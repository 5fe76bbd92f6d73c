namespace ActionGen.Training;

/// <summary>Training stopped because a loss term, a gradient or a parameter became NaN or infinite.</summary>
public sealed class NonFiniteLossException : TrainingFailedException
{
    /// <summary>Creates the exception for <paramref name="term"/> at 1-based <paramref name="step"/>.</summary>
    public NonFiniteLossException(int step, string term, double value)
        : base(step, $"Training stopped at step {step}: {(term == "parameters" ? "the weights are" : $"loss term '{term}' is")} {value}. Lower the learning rate (TrainerOptions.LearningRate), clip gradients (TrainerOptions.GradientClipNorm), or bound the model's outputs.")
    {
        Term = term;
        Value = value;
    }

    /// <summary>What went non-finite: a named loss term, or "parameters" for the weights.</summary>
    public string Term { get; }

    /// <summary>Its value.</summary>
    public double Value { get; }
}
