namespace ActionGen.Training;

/// <summary>Training stopped because it diverged while every value stayed finite (the loss rose far above where it started, or the weights exploded).</summary>
public sealed class TrainingDivergedException(int step, string reason)
    : TrainingFailedException(step, $"Training diverged by step {step}: {reason}. Lower the learning rate (TrainerOptions.LearningRate) or clip gradients (TrainerOptions.GradientClipNorm).")
{
    /// <summary>What was seen.</summary>
    public string Reason { get; } = reason;
}
