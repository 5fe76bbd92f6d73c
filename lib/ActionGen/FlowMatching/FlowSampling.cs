using ActionGen.Sampling;

namespace ActionGen.FlowMatching;

/// <summary>How a flow-matching policy samples, as plain data (stored in model files).</summary>
/// <param name="Solver">Euler or Heun.</param>
/// <param name="Steps">Euler's steps, or Heun's intervals (Heun costs 2 network evaluations per interval).</param>
public sealed record FlowSampling(FlowSolver Solver = FlowSolver.Euler, int Steps = 10)
{
    /// <summary>Euler with <paramref name="steps"/> steps (π0: 10).</summary>
    public static FlowSampling Euler(int steps) => new(FlowSolver.Euler, steps);

    /// <summary>Heun with <paramref name="intervals"/> intervals.</summary>
    public static FlowSampling Heun(int intervals) => new(FlowSolver.Heun, intervals);

    /// <summary>Network evaluations per sample.</summary>
    public int NetworkEvaluations => Solver == FlowSolver.Heun ? 2 * Steps : Steps;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Solver)) throw new ArgumentOutOfRangeException(nameof(Solver), Solver, "Unknown ODE solver.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
    }

    /// <summary>The sampler.</summary>
    public Sampler Build()
    {
        Validate();
        return Solver == FlowSolver.Euler ? new EulerSampler(Steps) : new HeunSampler(Steps);
    }
}
