namespace ActionGen.Tasks.PushT;

/// <summary>
/// One Push-T state: the agent's position and the T-block's position and angle, in workspace units (0 … 512) and
/// radians. The policy's observation encodes the angle as (cos θ, sin θ): θ wraps at 2π, so 0.01 and 6.27 are 0.03 rad
/// apart but 6.26 apart as numbers; on the unit circle they are neighbours, and the distance between two encoded
/// angles is the chord 2 sin(|θ₁ − θ₂| / 2) ≈ |θ₁ − θ₂| for small differences, with no seam anywhere.
/// </summary>
/// <param name="Agent">The agent's position.</param>
/// <param name="Block">The T-block's position.</param>
/// <param name="BlockAngle">The T-block's angle in radians, as recorded (0 … 2π).</param>
public readonly record struct PushTState(Vec2 Agent, Vec2 Block, double BlockAngle)
{
    /// <summary>Numbers in an encoded observation.</summary>
    public const int ObservationDim = 6;

    /// <summary>The encoded observation's names: agent x, y; block x, y; cos θ, sin θ.</summary>
    public static IReadOnlyList<string> ObservationNames { get; } = ["agent_x", "agent_y", "block_x", "block_y", "block_cos", "block_sin"];

    /// <summary>The encoded observation (agent x, agent y, block x, block y, cos θ, sin θ): continuous across θ's 2π seam.</summary>
    public double[] Observation() =>
        [Agent.X, Agent.Y, Block.X, Block.Y, Math.Cos(BlockAngle), Math.Sin(BlockAngle)]; // θ ↦ (cos θ, sin θ)
}
