namespace ActionGen.Training;

/// <summary>Training stopped because a loss term became NaN or infinite.</summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception for <paramref name="term"/> at 1-based <paramref name="step"/>.</summary>
    public NonFiniteLossException(int step, string term, double value)
        : base($"Training stopped at step {step}: loss term '{term}' is {value}. Lower the learning rate, clip gradients, or bound the model's outputs.")
    {
        Step = step;
        Term = term;
        Value = value;
    }

    /// <summary>The 1-based step.</summary>
    public int Step { get; }

    /// <summary>The term that went non-finite.</summary>
    public string Term { get; }

    /// <summary>Its value.</summary>
    public double Value { get; }
}
