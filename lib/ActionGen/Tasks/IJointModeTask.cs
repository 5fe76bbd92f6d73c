using ActionGen.Data;

namespace ActionGen.Tasks;

/// <summary>
/// A synthetic task whose actions are made of independent parts, each choosing one of a few modes, so the joint modes
/// multiply (<see cref="BimanualTask"/>, <see cref="BimanualRoutesTask"/>). A sample is valid when every part is within
/// tolerance of one of its modes.
/// </summary>
public interface IJointModeTask
{
    /// <summary>A short description with the dimension and the number of joint modes.</summary>
    string Name { get; }

    /// <summary>The action dimension.</summary>
    int ActionDim { get; }

    /// <summary>How many joint modes the task has.</summary>
    int ModeCount { get; }

    /// <summary><paramref name="count"/> (observation, action) pairs drawn with <paramref name="seed"/>.</summary>
    ActionDataset Sample(int count, int seed);

    /// <summary>Classifies sampled actions (rows) observed at the given scalar contexts.</summary>
    JointModeCoverage Evaluate(IReadOnlyList<double> observations, double[][] actions);
}
