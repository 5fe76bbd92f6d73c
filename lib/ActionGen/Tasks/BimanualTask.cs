using ActionGen.Data;

namespace ActionGen.Tasks;

/// <summary>
/// A synthetic multi-arm reaching task with many joint modes. The observation is a scalar context s ∈ [−1, 1] (say, the
/// object's position). Each of R arms has J joints and picks one of G = 3 grasps independently, uniformly: arm r's joint
/// targets are q_j = 0.5 · g · w_j + 0.2 · s · v_j + ε, with grasp g ∈ {−1, 0, +1}, fixed per-joint patterns
/// w_j = cos(1.3 j + r), v_j = sin(0.7 j + 2r), and ε ~ N(0, noise²). The action has D = R·J dimensions and G^R joint
/// modes. The default, two 7-joint arms, is a 14-DoF bimanual robot with 9 joint modes; J sets the dimension without
/// changing the modes, R multiplies the modes.
/// </summary>
/// <param name="JointsPerArm">J.</param>
/// <param name="Arms">R.</param>
/// <param name="Noise">Standard deviation of ε.</param>
public sealed record BimanualTask(int JointsPerArm = 7, int Arms = 2, double Noise = 0.02) : IJointModeTask
{
    /// <inheritdoc />
    public string Name => $"{Arms} arms × {JointsPerArm} joints (D = {ActionDim}, {ModeCount:N0} joint modes)";

    /// <summary>Grasps per arm.</summary>
    public const int Grasps = 3;

    /// <summary>The action dimension, R·J.</summary>
    /// <remarks>The average of the three grasps is the middle one, so an averaged action here is itself valid.</remarks>
    public int ActionDim => Arms * JointsPerArm;

    /// <summary>Joint modes, G^R.</summary>
    public int ModeCount => (int)Math.Pow(Grasps, Arms);

    /// <summary>The noise-free joint targets of <paramref name="arm"/> (0 … R−1) for grasp index 0..2 at context s.</summary>
    public double[] ArmTarget(int arm, int grasp, double s)
    {
        double g = grasp - 1; // −1, 0, +1
        return Enumerable.Range(0, JointsPerArm)
            .Select(j => 0.5 * g * Math.Cos(1.3 * j + arm) + 0.2 * s * Math.Sin(0.7 * j + 2 * arm)) // 0.5·g·w_j + 0.2·s·v_j
            .ToArray();
    }

    /// <summary>Samples <paramref name="count"/> (s, action) pairs; grasps drawn uniformly and independently per arm.</summary>
    public ActionDataset Sample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(JointsPerArm, 1, nameof(JointsPerArm));
        ArgumentOutOfRangeException.ThrowIfLessThan(Arms, 1, nameof(Arms));
        var random = new Random(seed);
        var observations = new double[count, 1];
        var actions = new double[count, ActionDim];
        for (int i = 0; i < count; i++)
        {
            double s = 2 * random.NextDouble() - 1;
            observations[i, 0] = s;
            for (int arm = 0; arm < Arms; arm++)
            {
                double[] target = ArmTarget(arm, random.Next(Grasps), s);
                for (int j = 0; j < JointsPerArm; j++) actions[i, arm * JointsPerArm + j] = target[j] + Noise * Gaussian.Sample(random);
            }
        }
        return new ActionDataset(observations, actions, ["s"], Enumerable.Range(0, ActionDim).Select(j => $"q{j}").ToArray());
    }

    /// <summary>
    /// Classifies each sampled action (rows of <paramref name="actions"/>, observed at <paramref name="observations"/>):
    /// per arm, the nearest grasp by RMS joint distance; valid when every arm is within 4 × noise RMS of its grasp.
    /// </summary>
    public JointModeCoverage Evaluate(IReadOnlyList<double> observations, double[][] actions)
    {
        var counts = new int[ModeCount];
        int valid = 0;
        foreach (var (mode, worst) in Classify(observations, actions))
        {
            if (worst > 4 * Noise) continue;
            valid++;
            counts[mode]++;
        }
        return new JointModeCoverage((double)valid / actions.Length, counts.Count(c => c > 0), ModeCount, Rollouts.ModeStatistics.NormalizedEntropy(counts));
    }

    /// <summary>
    /// For each sampled action, the RMS joint distance of its worst arm to that arm's nearest grasp, in units of the
    /// data's noise: what <see cref="Evaluate"/> compares with 4. Tells an imprecise sample of the right grasps (a little
    /// above 4) from one between grasps (far above).
    /// </summary>
    public double[] WorstArmErrors(IReadOnlyList<double> observations, double[][] actions) =>
        Classify(observations, actions).Select(c => c.WorstDistance / Noise).ToArray();

    private (int Mode, double WorstDistance)[] Classify(IReadOnlyList<double> observations, double[][] actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        if (observations.Count != actions.Length) throw new ArgumentException($"Expected one action per observation, got {observations.Count} observations and {actions.Length} actions.");
        var result = new (int Mode, double WorstDistance)[actions.Length];
        for (int i = 0; i < actions.Length; i++)
        {
            if (actions[i].Length != ActionDim) throw new ArgumentException($"Expected {ActionDim}-D actions, got {actions[i].Length}-D at row {i}.");
            int mode = 0;
            double worst = 0;
            for (int arm = 0; arm < Arms; arm++)
            {
                var (grasp, distance) = NearestGrasp(arm, observations[i], actions[i]);
                mode = mode * Grasps + grasp;                                                   // the joint mode as a base-3 number
                worst = Math.Max(worst, distance);
            }
            result[i] = (mode, worst);
        }
        return result;
    }

    private (int Grasp, double RmsDistance) NearestGrasp(int arm, double s, double[] action)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int g = 0; g < Grasps; g++)
        {
            double[] target = ArmTarget(arm, g, s);
            double sum = 0;
            for (int j = 0; j < JointsPerArm; j++) sum += Math.Pow(action[arm * JointsPerArm + j] - target[j], 2);
            double rms = Math.Sqrt(sum / JointsPerArm);
            if (rms < bestDistance) (best, bestDistance) = (g, rms);
        }
        return (best, bestDistance);
    }
}
