using ActionGen.Policies;
using ActionGen.Tasks;
using TorchSharp;

namespace ActionGen.Rollouts;

/// <summary>
/// Runs policies closed-loop in the obstacle scene, all episodes as one batch. A policy maps positions to a chunk of H
/// displacements (H = 1: a single step); the first k of them run open-loop, each clipped to the robot's step limit,
/// then the policy is asked again. An episode ends when a step enters the obstacle, reaches the goal, or the step limit
/// runs out.
/// </summary>
public static class ObstacleRollouts
{
    /// <summary>Start positions drawn from the scene's start box with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<Vec2> Starts(ObstacleScene scene, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => scene.SampleStart(random)).ToList();
    }

    /// <summary>
    /// Rolls <paramref name="policy"/> out from <paramref name="count"/> seeded starts (torch is seeded too, for sampling
    /// policies). A policy with 2H-dimensional actions predicts chunks of H displacements; the first
    /// <paramref name="executeSteps"/> of each chunk are executed before the next query (all of it when null).
    /// </summary>
    public static IReadOnlyList<Rollout> Run(IPolicy policy, ObstacleScene scene, int count, int seed, int? executeSteps = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.ObservationDim != 2 || policy.ActionDim % 2 != 0)
            throw new ArgumentException($"The obstacle task needs 2-D observations and 2H-D actions (H displacements), got {policy.ObservationDim}-D and {policy.ActionDim}-D.", nameof(policy));
        torch.manual_seed(seed);
        return Run(policy.Act, scene, Starts(scene, count, seed), executeSteps);
    }

    /// <summary>
    /// Rolls out any action source: <paramref name="act"/> maps positions [B, 2] to chunks [B, 2H]; row i is always
    /// episode i (finished episodes keep being passed in, their actions are ignored). The first
    /// <paramref name="executeSteps"/> displacements of each chunk (all H when null) run before the next query.
    /// </summary>
    public static IReadOnlyList<Rollout> Run(Func<torch.Tensor, torch.Tensor> act, ObstacleScene scene, IReadOnlyList<Vec2> starts, int? executeSteps = null)
    {
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(starts);
        if (executeSteps is < 1) throw new ArgumentOutOfRangeException(nameof(executeSteps), executeSteps, "Execute at least one step of each chunk.");
        int count = starts.Count;
        var paths = starts.Select(s => new List<Vec2> { s }).ToArray();
        var collided = new bool[count];
        var reached = new bool[count];
        var positions = starts.ToArray();
        int step = 0;
        while (step < scene.MaxSteps && Enumerable.Range(0, count).Any(i => !collided[i] && !reached[i]))
        {
            var (actions, horizon) = Query(act, positions);
            int execute = Math.Min(executeSteps ?? horizon, horizon);
            for (int h = 0; h < execute && step < scene.MaxSteps; h++, step++)
            {
                for (int i = 0; i < count; i++)
                {
                    if (collided[i] || reached[i]) continue;
                    int at = 2 * (i * horizon + h);
                    var move = new Vec2(actions[at], actions[at + 1]);
                    if (!double.IsFinite(move.X) || !double.IsFinite(move.Y))
                        throw new InvalidOperationException($"The policy returned a non-finite action ({move.X}, {move.Y}) at step {step} of episode {i}.");
                    var next = positions[i] + move.ClampLength(scene.MaxStep);
                    if (scene.SegmentCollides(positions[i], next)) collided[i] = true;
                    else if (scene.ReachedGoal(next)) reached[i] = true;
                    positions[i] = next;
                    paths[i].Add(next);
                }
            }
        }
        return Enumerable.Range(0, count)
            .Select(i => new Rollout(paths[i], collided[i], reached[i], scene.ClassifyPass(paths[i], collided[i])))
            .ToList();
    }

    private static (double[] Actions, int Horizon) Query(Func<torch.Tensor, torch.Tensor> act, Vec2[] positions)
    {
        int count = positions.Length;
        using var scope = torch.NewDisposeScope();
        var observation = torch.tensor(positions.SelectMany(p => new[] { p.X, p.Y }).ToArray(), dtype: torch.float32).reshape(count, 2);
        var action = act(observation);
        if (action.dim() != 2 || action.shape[0] != count || action.shape[1] % 2 != 0 || action.shape[1] == 0)
            throw new InvalidOperationException($"The policy returned actions of shape [{string.Join(", ", action.shape)}] for {count} observations; expected [{count}, 2H].");
        return (action.to(torch.float64).cpu().data<double>().ToArray(), (int)action.shape[1] / 2);
    }

    /// <summary>The scripted expert as an action source (one step per query): episode i passes on <paramref name="sides"/>[i].</summary>
    public static Func<torch.Tensor, torch.Tensor> Expert(ObstacleExpert expert, IReadOnlyList<PassSide> sides, int seed)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(sides);
        var random = new Random(seed);
        return observations =>
        {
            double[] flat = observations.to(torch.float64).cpu().data<double>().ToArray();
            var actions = new double[flat.Length];
            for (int i = 0; i < sides.Count; i++)
            {
                var a = expert.Act(new Vec2(flat[2 * i], flat[2 * i + 1]), sides[i], random);
                (actions[2 * i], actions[2 * i + 1]) = (a.X, a.Y);
            }
            return torch.tensor(actions, dtype: torch.float32).reshape(sides.Count, 2);
        };
    }
}
