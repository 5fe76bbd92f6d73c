namespace ActionGen.Tasks;

/// <summary>Generates expert demonstrations for the obstacle task, deterministically from a seed.</summary>
public static class ObstacleDemonstrations
{
    /// <summary>
    /// Rolls the scripted expert out <paramref name="episodes"/> times. Each episode picks Left with probability
    /// <paramref name="leftFraction"/>, else Right, and ends at the goal (or at the scene's step limit).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or a fraction outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException">The expert collided or missed the goal (the scene or expert is misconfigured).</exception>
    public static IReadOnlyList<Demonstration> Generate(int episodes, int seed, double leftFraction = 0.5, ObstacleExpert? expert = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        if (!(leftFraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(leftFraction), leftFraction, "The fraction of left passes must lie in [0, 1].");
        expert ??= new ObstacleExpert(ObstacleScene.Default);
        var scene = expert.Scene;
        var random = new Random(seed);

        var demonstrations = new List<Demonstration>(episodes);
        for (int e = 0; e < episodes; e++)
        {
            var side = random.NextDouble() < leftFraction ? PassSide.Left : PassSide.Right;
            var position = scene.SampleStart(random);
            var observations = new List<Vec2>();
            var actions = new List<Vec2>();
            while (!scene.ReachedGoal(position))
            {
                if (observations.Count == scene.MaxSteps)
                    throw new InvalidOperationException($"Expert episode {e} did not reach the goal in {scene.MaxSteps} steps.");
                var action = expert.Act(position, side, random);
                var next = position + action;
                if (scene.SegmentCollides(position, next))
                    throw new InvalidOperationException($"Expert episode {e} collided at step {observations.Count}: the clearance is too small for this scene.");
                observations.Add(position);
                actions.Add(action);
                position = next;
            }
            demonstrations.Add(new Demonstration(e, side, observations, actions));
        }
        return demonstrations;
    }
}
