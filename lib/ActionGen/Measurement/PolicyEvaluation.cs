using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Tasks;
using TorchSharp;

namespace ActionGen.Measurement;

/// <summary>Distribution-level evaluations of a policy against held-out data, shared by the notebooks.</summary>
public static class PolicyEvaluation
{
    /// <summary>One action per held-out observation, as rows of raw values.</summary>
    public static double[][] SampleRows(IPolicy policy, ActionDataset test)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(test);
        using var scope = torch.NewDisposeScope();
        var actions = policy.Act(test.ObservationTensor()).to(torch.float64).cpu().data<double>().ToArray();
        return Rows(actions, test.Count, policy.ActionDim);
    }

    /// <summary>The held-out actions themselves, as rows.</summary>
    public static double[][] DataRows(ActionDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Enumerable.Range(0, test.Count).Select(i => Enumerable.Range(0, test.ActionDim).Select(c => test.Actions[i, c]).ToArray()).ToArray();
    }

    /// <summary>Joint-mode coverage of the policy's samples on a held-out set of <paramref name="task"/>.</summary>
    public static JointModeCoverage Coverage(IPolicy policy, IJointModeTask task, ActionDataset test)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(test);
        return task.Evaluate(Contexts(test), SampleRows(policy, test));
    }

    /// <summary>The same measurement on the held-out data itself: what a perfect sampler would score.</summary>
    public static JointModeCoverage DataCoverage(IJointModeTask task, ActionDataset test)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Evaluate(Contexts(test), DataRows(test));
    }

    /// <summary>Energy distance between the policy's samples and the held-out actions (one sample per observation).</summary>
    public static double EnergyDistanceToData(IPolicy policy, ActionDataset test) =>
        EnergyDistance.Between(SampleRows(policy, test), DataRows(test));

    private static List<double> Contexts(ActionDataset test) => Enumerable.Range(0, test.Count).Select(i => test.Observations[i, 0]).ToList();

    private static double[][] Rows(double[] flat, int count, int dim) =>
        Enumerable.Range(0, count).Select(i => flat.AsSpan(i * dim, dim).ToArray()).ToArray();
}
