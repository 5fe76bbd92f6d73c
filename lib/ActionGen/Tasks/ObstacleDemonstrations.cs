namespace ActionGen.Tasks;

/// <summary>Generates expert demonstrations for the obstacle task, deterministically from a seed.</summary>
public static class ObstacleDemonstrations
{
    /// <summary>
    /// Rolls the scripted expert out <paramref name="episodes"/> times. Exactly round(episodes × <paramref name="leftFraction"/>)
    /// episodes pass left, the rest right, in a seeded random order — so a "50 / 50" dataset really is 50 / 50 and the
    /// conditional mean at the shared decision point is the mean of the two modes, not of a sampling accident.
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

        int leftCount = (int)Math.Round(episodes * leftFraction, MidpointRounding.AwayFromZero);
        var sides = Enumerable.Range(0, episodes).Select(e => e < leftCount ? PassSide.Left : PassSide.Right).ToArray();
        random.Shuffle(sides);

        var demonstrations = new List<Demonstration>(episodes);
        for (int e = 0; e < episodes; e++)
        {
            var side = sides[e];
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
