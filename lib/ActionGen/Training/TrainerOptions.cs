using ActionGen.Policies;

namespace ActionGen.Training;

/// <summary>Learning-rate schedules.</summary>
public enum LearningRateSchedule
{
    /// <summary>The base rate throughout (after warm-up).</summary>
    Constant,

    /// <summary>Linear warm-up, then cosine decay to zero (Diffusion Policy's schedule).</summary>
    Cosine,
}

/// <summary>What to do when training fails: a value becomes NaN or infinite, or the run diverges.</summary>
public enum FailureHandling
{
    /// <summary>Stop with <see cref="NonFiniteLossException"/> or <see cref="TrainingDivergedException"/>, naming the step and the cause.</summary>
    Throw,

    /// <summary>Stop and record the step and cause in the history (for counting failed runs).</summary>
    Record,
}

/// <summary>Options of the shared trainer. Defaults train the series' small MLPs in seconds on a CPU.</summary>
/// <param name="Steps">Optimiser steps.</param>
/// <param name="BatchSize">Mini-batch size (clipped to the dataset size).</param>
/// <param name="LearningRate">Adam's base learning rate.</param>
/// <param name="WeightDecay">Decoupled weight decay (AdamW); 0 is plain Adam.</param>
/// <param name="GradientClipNorm">Clip the global gradient norm to this value; null disables clipping.</param>
/// <param name="Schedule">Learning-rate schedule.</param>
/// <param name="WarmupSteps">Linear warm-up steps.</param>
/// <param name="Seed">Seeds everything random in training: mini-batch order and the loss's own draws (diffusion's noise).
/// Weights are seeded where the model is created.</param>
/// <param name="OnFailure">Throw or record when a value goes non-finite or the run diverges.</param>
/// <param name="ReportEvery">Progress is reported (and the weights checked) every this many steps, and at the last step.</param>
public sealed record TrainerOptions(
    int Steps = 2000,
    int BatchSize = 256,
    double LearningRate = 1e-3,
    double WeightDecay = 0,
    double? GradientClipNorm = null,
    LearningRateSchedule Schedule = LearningRateSchedule.Constant,
    int WarmupSteps = 0,
    int Seed = 0,
    FailureHandling OnFailure = FailureHandling.Throw,
    int ReportEvery = 50)
{
    /// <summary>Throws when an option is out of range or not finite, naming it and its value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        OptionChecks.Positive(LearningRate, nameof(LearningRate));
        OptionChecks.NonNegative(WeightDecay, nameof(WeightDecay));
        if (GradientClipNorm is double norm) OptionChecks.Positive(norm, nameof(GradientClipNorm));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps, nameof(WarmupSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReportEvery, 1, nameof(ReportEvery));
        if (!Enum.IsDefined(Schedule)) throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, "Unknown learning-rate schedule.");
        if (!Enum.IsDefined(OnFailure)) throw new ArgumentOutOfRangeException(nameof(OnFailure), OnFailure, "Unknown failure handling.");
    }

    /// <summary>The learning rate at 0-based <paramref name="step"/>.</summary>
    public double LearningRateAt(int step)
    {
        if (step < WarmupSteps) return LearningRate * (step + 1) / WarmupSteps; // linear warm-up
        if (Schedule == LearningRateSchedule.Constant) return LearningRate;
        double progress = (double)(step - WarmupSteps) / Math.Max(1, Steps - WarmupSteps);
        return LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress)); // η_t = η · ½ (1 + cos(π t / T))
    }
}
