namespace ActionGen.Policies;

/// <summary>What <see cref="IPolicy.Act"/> returns.</summary>
public enum ActionOutput
{
    /// <summary>A single deterministic action per observation (e.g. the regression output or a mode's mean).</summary>
    PointEstimate,

    /// <summary>A random draw from the policy's p(a | s): calls with the same input may differ.</summary>
    Sample,
}
