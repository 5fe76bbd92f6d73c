namespace ActionGen.Tasks;

/// <summary>
/// The 2-D obstacle scene: a point robot starts in a box below a round obstacle and must reach a goal above it.
/// Observation = the robot's position (x, y); action = its next displacement (dx, dy), at most <see cref="MaxStep"/> long.
/// </summary>
/// <param name="Obstacle">Centre of the round obstacle.</param>
/// <param name="ObstacleRadius">Radius of the obstacle; a position strictly inside it is a collision.</param>
/// <param name="Goal">Centre of the goal.</param>
/// <param name="GoalRadius">Reaching within this distance of <see cref="Goal"/> is success.</param>
/// <param name="StartCentre">Centre of the start box.</param>
/// <param name="StartHalfWidth">Half the start box's width (x) and height (y).</param>
/// <param name="MaxStep">The longest displacement the robot can make in one step (actions are clipped to it).</param>
/// <param name="MaxSteps">Episode length limit.</param>
public sealed record ObstacleScene(
    Vec2 Obstacle, double ObstacleRadius, Vec2 Goal, double GoalRadius, Vec2 StartCentre, double StartHalfWidth, double MaxStep, int MaxSteps)
{
    /// <summary>The scene used throughout the series: obstacle at the origin, start below, goal above.</summary>
    public static ObstacleScene Default { get; } = new(
        Obstacle: new Vec2(0, 0), ObstacleRadius: 0.3, Goal: new Vec2(0, 1), GoalRadius: 0.08,
        StartCentre: new Vec2(0, -1), StartHalfWidth: 0.05, MaxStep: 0.06, MaxSteps: 80);

    /// <summary>True when <paramref name="position"/> is inside the obstacle.</summary>
    public bool Collides(Vec2 position) => (position - Obstacle).Length < ObstacleRadius;

    /// <summary>True when the segment from <paramref name="from"/> to <paramref name="to"/> enters the obstacle.</summary>
    public bool SegmentCollides(Vec2 from, Vec2 to)
    {
        // Closest point of the segment to the centre: from + t (to − from), t = clamp(((c − from)·d) / |d|², 0, 1).
        var d = to - from;
        double lengthSquared = d.X * d.X + d.Y * d.Y;
        double t = lengthSquared == 0 ? 0 : Math.Clamp(((Obstacle.X - from.X) * d.X + (Obstacle.Y - from.Y) * d.Y) / lengthSquared, 0, 1);
        return Collides(from + t * d);
    }

    /// <summary>True when <paramref name="position"/> is within the goal.</summary>
    public bool ReachedGoal(Vec2 position) => (position - Goal).Length <= GoalRadius;

    /// <summary>A start position drawn uniformly from the start box.</summary>
    public Vec2 SampleStart(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new Vec2(
            StartCentre.X + StartHalfWidth * (2 * random.NextDouble() - 1),
            StartCentre.Y + StartHalfWidth * (2 * random.NextDouble() - 1));
    }

    /// <summary>
    /// The side a path passed the obstacle on: the sign of x (relative to the obstacle) where it first reaches the
    /// obstacle's height. <see cref="PassSide.Other"/> when it collided or never got that far.
    /// </summary>
    public PassSide ClassifyPass(IReadOnlyList<Vec2> path, bool collided)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (collided) return PassSide.Other;
        foreach (var p in path)
        {
            if (p.Y < Obstacle.Y) continue;
            return p.X < Obstacle.X ? PassSide.Left : PassSide.Right;
        }
        return PassSide.Other;
    }
}
