namespace ActionGen.FlowMatching;

/// <summary>Which ODE solver integrates the learned velocity field.</summary>
public enum FlowSolver
{
    /// <summary>Euler's method: one network evaluation per step (π0).</summary>
    Euler,

    /// <summary>Heun's method: two network evaluations per step, second-order accurate.</summary>
    Heun,
}
