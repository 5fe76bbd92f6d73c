namespace ActionGen.Tasks;

/// <summary>
/// The scripted demonstrator: it heads for a waypoint beside the obstacle on its chosen side, then for the goal,
/// at full speed, with small Gaussian noise on every action. Its clearance keeps it out of the obstacle.
/// </summary>
/// <param name="Scene">The scene it acts in.</param>
/// <param name="Clearance">How far outside the obstacle's rim the side waypoint lies.</param>
/// <param name="ActionNoise">Standard deviation of the noise added to each action component.</param>
public sealed record ObstacleExpert(ObstacleScene Scene, double Clearance = 0.2, double ActionNoise = 0.004)
{
    /// <summary>The waypoint beside the obstacle for <paramref name="side"/>.</summary>
    public Vec2 Waypoint(PassSide side) => side switch
    {
        PassSide.Left => new Vec2(Scene.Obstacle.X - Scene.ObstacleRadius - Clearance, Scene.Obstacle.Y),
        PassSide.Right => new Vec2(Scene.Obstacle.X + Scene.ObstacleRadius + Clearance, Scene.Obstacle.Y),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "An expert passes Left or Right."),
    };

    /// <summary>The expert's action at <paramref name="position"/> when it passes on <paramref name="side"/>.</summary>
    public Vec2 Act(Vec2 position, PassSide side, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var waypoint = Waypoint(side);
        // Below the obstacle's height: steer for the side waypoint; past it: steer for the goal.
        var target = position.Y < waypoint.Y - 1e-9 ? waypoint : Scene.Goal;
        var step = (target - position).ClampLength(Scene.MaxStep - 3 * ActionNoise);
        var noisy = step + new Vec2(ActionNoise * Gaussian.Sample(random), ActionNoise * Gaussian.Sample(random));
        return noisy.ClampLength(Scene.MaxStep); // the robot cannot move farther than MaxStep, noise or not
    }
}
