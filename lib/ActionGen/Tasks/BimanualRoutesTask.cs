using ActionGen.Data;

namespace ActionGen.Tasks;

/// <summary>
/// Action chunks of a multi-arm trajectory whose arms each pass obstacles on one side or the other — the setting
/// Diffusion Policy and ACT face, and one where <em>averaging fails in high dimensions</em>: the mean of the routes
/// runs through every obstacle. The observation is a scalar context s ∈ [−1, 1]. The action is a chunk of H steps for
/// R arms of J joints (D = R·J·H numbers, laid out arm, step, joint). Each arm passes C obstacles in turn, each on a side
/// g_c ∈ {−1, +1} drawn independently and uniformly, so there are 2^(R·C) joint modes. With τ_t = t/(H−1):
/// <list type="bullet">
/// <item>base path b_{r,j}(t, s) = 0.3 sin(1.1j + r) + 0.4 τ_t cos(0.9j + 2r) + 0.2 s sin(0.7j + 2r);</item>
/// <item>swerve direction u_{r,j} = cos(1.3j + r) / RMS_j cos(1.3j + r) (unit RMS over the joints);</item>
/// <item>on segment c (steps cL … (c+1)L − 1, L = H/C) a hump h_c(t) = sin(π (t − cL + ½)/L), zero elsewhere;</item>
/// <item>action q_{r,t,j} = b + A Σ_c g_c h_c(t) u_{r,j} + ε, ε ~ N(0, noise²).</item>
/// </list>
/// A sample is valid when, for every arm, its RMS distance over joints and steps to the nearest route is at most
/// 4 × noise; it goes through an obstacle when on some segment its swerve coefficient ĝ_c (the least-squares
/// coefficient on h_c u, in units of A) lies inside (−½, ½) — nearer the straight path than either route.
/// </summary>
/// <param name="Arms">R.</param>
/// <param name="JointsPerArm">J.</param>
/// <param name="Horizon">H, steps per chunk (Diffusion Policy predicts 16).</param>
/// <param name="Choices">C, obstacles per arm per chunk (H must be a multiple of C).</param>
/// <param name="Amplitude">A, how far a route swerves (RMS over joints, at the hump's peak).</param>
/// <param name="Noise">Standard deviation of ε.</param>
public sealed record BimanualRoutesTask(int Arms = 2, int JointsPerArm = 7, int Horizon = 16, int Choices = 1, double Amplitude = 0.5, double Noise = 0.02) : IJointModeTask
{
    /// <inheritdoc />
    public string Name => $"{Arms} arms × {JointsPerArm} joints × {Horizon} steps, {Choices} obstacle(s) per arm (D = {ActionDim}, {ModeCount:N0} joint modes)";

    /// <inheritdoc />
    public int ActionDim => Arms * JointsPerArm * Horizon;

    /// <inheritdoc />
    public int ModeCount => 1 << (Arms * Choices);

    /// <summary>Checks the shape parameters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter out of range, named.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Arms, 1, nameof(Arms));
        ArgumentOutOfRangeException.ThrowIfLessThan(JointsPerArm, 1, nameof(JointsPerArm));
        ArgumentOutOfRangeException.ThrowIfLessThan(Choices, 1, nameof(Choices));
        if (Horizon < 2 || Horizon % Choices != 0) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, $"The horizon must be at least 2 and a multiple of the {Choices} choice(s).");
        if (Arms * Choices > 30) throw new ArgumentOutOfRangeException(nameof(Choices), Choices, "At most 2^30 joint modes.");
        if (!(double.IsFinite(Amplitude) && Amplitude > 0)) throw new ArgumentOutOfRangeException(nameof(Amplitude), Amplitude, "The amplitude must be a finite number above 0.");
        if (!(double.IsFinite(Noise) && Noise > 0)) throw new ArgumentOutOfRangeException(nameof(Noise), Noise, "The noise must be a finite number above 0.");
    }

    /// <summary>The position of (arm, step, joint) in an action vector.</summary>
    public int Index(int arm, int step, int joint) => (arm * Horizon + step) * JointsPerArm + joint;

    /// <summary>The base path b_{r,j}(t, s): where the arm goes with no obstacle in the way.</summary>
    public double Base(int arm, int step, int joint, double s) =>
        0.3 * Math.Sin(1.1 * joint + arm) + 0.4 * step / (Horizon - 1.0) * Math.Cos(0.9 * joint + 2 * arm) + 0.2 * s * Math.Sin(0.7 * joint + 2 * arm);

    /// <summary>The noise-free chunk for context <paramref name="s"/> and sides <paramref name="sides"/>[arm][c] ∈ {−1, +1}.</summary>
    public double[] Route(double s, int[][] sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        Validate();
        if (sides.Length != Arms || sides.Any(a => a.Length != Choices || a.Any(g => g is not (-1 or 1))))
            throw new ArgumentException($"Expected {Arms} arms of {Choices} side(s), each −1 or +1.", nameof(sides));
        var chunk = new double[ActionDim];
        for (int arm = 0; arm < Arms; arm++)
            for (int t = 0; t < Horizon; t++)
                for (int j = 0; j < JointsPerArm; j++)
                    chunk[Index(arm, t, j)] = Base(arm, t, j, s) + Amplitude * sides[arm][Segment(t)] * Hump(t) * Swerve(arm, j); // b + A g_c h_c(t) u
        return chunk;
    }

    /// <inheritdoc />
    public ActionDataset Sample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Validate();
        var random = new Random(seed);
        var observations = new double[count, 1];
        var actions = new double[count, ActionDim];
        for (int i = 0; i < count; i++)
        {
            double s = 2 * random.NextDouble() - 1;
            observations[i, 0] = s;
            for (int arm = 0; arm < Arms; arm++)
            {
                var sides = Enumerable.Range(0, Choices).Select(_ => random.Next(2) * 2 - 1).ToArray();
                for (int t = 0; t < Horizon; t++)
                    for (int j = 0; j < JointsPerArm; j++)
                        actions[i, Index(arm, t, j)] = Base(arm, t, j, s) + Amplitude * sides[Segment(t)] * Hump(t) * Swerve(arm, j) + Noise * Gaussian.Sample(random);
            }
        }
        return new ActionDataset(observations, actions, ["s"], Enumerable.Range(0, ActionDim).Select(k => $"q{k}").ToArray());
    }

    /// <inheritdoc />
    public JointModeCoverage Evaluate(IReadOnlyList<double> observations, double[][] actions) => Classify(observations, actions).Coverage;

    /// <summary>Coverage, and the share of samples that go through an obstacle on some arm and segment.</summary>
    public (JointModeCoverage Coverage, double ThroughObstacle) Classify(IReadOnlyList<double> observations, double[][] actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        Validate();
        if (observations.Count != actions.Length) throw new ArgumentException($"Expected one action per observation, got {observations.Count} observations and {actions.Length} actions.");
        var counts = new Dictionary<long, int>();
        int valid = 0, through = 0;
        for (int i = 0; i < actions.Length; i++)
        {
            if (actions[i].Length != ActionDim) throw new ArgumentException($"Expected {ActionDim}-D actions, got {actions[i].Length}-D at row {i}.");
            long mode = 0;
            double worst = 0;
            bool collides = false;
            for (int arm = 0; arm < Arms; arm++)
            {
                var (armMode, distance, armCollides) = NearestRoute(arm, observations[i], actions[i]);
                mode = (mode << Choices) | armMode;
                worst = Math.Max(worst, distance);
                collides |= armCollides;
            }
            if (collides) through++;
            if (worst > 4 * Noise) continue;
            valid++;
            counts[mode] = counts.GetValueOrDefault(mode) + 1;
        }
        var histogram = counts.Values.ToList();
        while (histogram.Count < Math.Min(ModeCount, Math.Max(2, actions.Length))) histogram.Add(0);   // entropy over the modes a sample this size could show
        var coverage = new JointModeCoverage((double)valid / actions.Length, counts.Count, ModeCount, Rollouts.ModeStatistics.NormalizedEntropy(histogram));
        return (coverage, (double)through / actions.Length);
    }

    private int Segment(int step) => step / (Horizon / Choices);

    private double Hump(int step)
    {
        int length = Horizon / Choices;
        return Math.Sin(Math.PI * (step - Segment(step) * length + 0.5) / length);                   // h_c(t) = sin(π (t − cL + ½)/L)
    }

    private double Swerve(int arm, int joint)
    {
        double rms = Math.Sqrt(Enumerable.Range(0, JointsPerArm).Average(k => Math.Pow(Math.Cos(1.3 * k + arm), 2)));
        return Math.Cos(1.3 * joint + arm) / rms;                                                       // u_{r,j}, unit RMS over joints
    }

    private (long Mode, double RmsDistance, bool Collides) NearestRoute(int arm, double s, double[] action)
    {
        int length = Horizon / Choices;
        long mode = 0;
        double squared = 0;
        bool collides = false;
        for (int c = 0; c < Choices; c++)
        {
            double projection = 0, norm = 0;
            for (int t = c * length; t < (c + 1) * length; t++)
                for (int j = 0; j < JointsPerArm; j++)
                {
                    double basis = Hump(t) * Swerve(arm, j);
                    projection += (action[Index(arm, t, j)] - Base(arm, t, j, s)) * basis;
                    norm += basis * basis;
                }
            double coefficient = projection / (Amplitude * norm);                                       // ĝ_c: least squares on A h_c u
            int side = coefficient >= 0 ? 1 : -1;
            collides |= Math.Abs(coefficient) < 0.5;
            mode = (mode << 1) | (side > 0 ? 1L : 0L);
            for (int t = c * length; t < (c + 1) * length; t++)
                for (int j = 0; j < JointsPerArm; j++)
                    squared += Math.Pow(action[Index(arm, t, j)] - Base(arm, t, j, s) - Amplitude * side * Hump(t) * Swerve(arm, j), 2);
        }
        return (mode, Math.Sqrt(squared / (JointsPerArm * Horizon)), collides);                         // RMS over joints and steps
    }
}
