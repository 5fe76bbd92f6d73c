namespace ActionGen.Training;

/// <summary>Implemented by a trainable model that needs to act after each optimiser step (e.g. to update an EMA of its weights).</summary>
public interface IAfterOptimizerStep
{
    /// <summary>Called by the trainer after optimiser step <paramref name="stepNumber"/> (1-based).</summary>
    void AfterOptimizerStep(int stepNumber);
}
