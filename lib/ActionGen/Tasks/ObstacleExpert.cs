namespace ActionGen.Tasks;

/// <summary>
/// The scripted demonstrator. Every expert first heads for the same decision point below the obstacle; there it
/// commits to its side and heads for a waypoint beside the obstacle, then for the goal — at full speed, with small
/// Gaussian noise on every action. Until the decision point the two modes share their states, as real demonstrators
/// share an approach and split only where the obstacle forces a choice. Its clearance keeps it out of the obstacle.
/// </summary>
/// <param name="Scene">The scene it acts in.</param>
/// <param name="Clearance">How far outside the obstacle's rim the side waypoint lies.</param>
/// <param name="DecisionDistance">How far below the obstacle's rim the decision point lies.</param>
/// <param name="ActionNoise">Standard deviation of the noise added to each action component.</param>
public sealed record ObstacleExpert(ObstacleScene Scene, double Clearance = 0.45, double DecisionDistance = 0.15, double ActionNoise = 0.004)
{
    /// <summary>The shared decision point, straight below the obstacle.</summary>
    public Vec2 DecisionPoint => new(Scene.Obstacle.X, Scene.Obstacle.Y - Scene.ObstacleRadius - DecisionDistance);

    /// <summary>The waypoint beside the obstacle for <paramref name="side"/>.</summary>
    public Vec2 Waypoint(PassSide side) => side switch
    {
        PassSide.Left => new Vec2(Scene.Obstacle.X - Scene.ObstacleRadius - Clearance, Scene.Obstacle.Y),
        PassSide.Right => new Vec2(Scene.Obstacle.X + Scene.ObstacleRadius + Clearance, Scene.Obstacle.Y),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "An expert passes Left or Right."),
    };

    /// <summary>
    /// The first action <paramref name="demonstration"/> took at or past the decision point's height: the moment every
    /// expert has to have chosen a side.
    /// </summary>
    /// <exception cref="ArgumentException">The demonstration never reaches that height.</exception>
    public Vec2 DecisionAction(Demonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(demonstration);
        for (int t = 0; t < demonstration.Observations.Count; t++)
        {
            if (demonstration.Observations[t].Y >= DecisionPoint.Y) return demonstration.Actions[t];
        }
        throw new ArgumentException($"Demonstration {demonstration.Episode} never reaches the decision point's height y = {DecisionPoint.Y}.", nameof(demonstration));
    }

    /// <summary>The index of the step at which <see cref="DecisionAction"/> is taken.</summary>
    public int DecisionStep(Demonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(demonstration);
        for (int t = 0; t < demonstration.Observations.Count; t++)
        {
            if (demonstration.Observations[t].Y >= DecisionPoint.Y) return t;
        }
        throw new ArgumentException($"Demonstration {demonstration.Episode} never reaches the decision point's height y = {DecisionPoint.Y}.", nameof(demonstration));
    }

    /// <summary>True when a straight ray of <paramref name="length"/> from the decision point in <paramref name="direction"/> enters the obstacle.</summary>
    public bool RayFromDecisionPointHits(Vec2 direction, double length = 1.0)
    {
        if (!(direction.Length > 0)) throw new ArgumentException($"A ray needs a direction of positive length, got ({direction.X}, {direction.Y}).", nameof(direction));
        return Scene.SegmentCollides(DecisionPoint, DecisionPoint + (length / direction.Length) * direction);
    }

    /// <summary>The expert's action at <paramref name="position"/> when it passes on <paramref name="side"/>.</summary>
    public Vec2 Act(Vec2 position, PassSide side, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        const double tolerance = 1e-9;
        // Below the decision point: approach it. Below the obstacle's height: steer for the side waypoint. Then the goal.
        var target = position.Y < DecisionPoint.Y - tolerance ? DecisionPoint
            : position.Y < Scene.Obstacle.Y - tolerance ? Waypoint(side)
            : Scene.Goal;
        double speed = Scene.MaxStep - 3 * ActionNoise;
        var toTarget = target - position;
        // Waypoints are passed at full speed (the phase switches on height); only the goal is approached to a stop.
        var step = target == Scene.Goal ? toTarget.ClampLength(speed) : (speed / Math.Max(toTarget.Length, 1e-12)) * toTarget;
        var noisy = step + new Vec2(ActionNoise * Gaussian.Sample(random), ActionNoise * Gaussian.Sample(random));
        return noisy.ClampLength(Scene.MaxStep); // the robot cannot move farther than MaxStep, noise or not
    }
}
