namespace ActionGen.Tasks.PushT;

/// <summary>One human demonstration of Push-T: the state before each step and the action commanded at it.</summary>
/// <param name="Index">The episode's index in the file (0-based, recording order).</param>
/// <param name="States">The state at each step.</param>
/// <param name="Actions">The commanded target position at each step (absolute, workspace units; a PD controller
/// drives the agent towards it). Same length as <paramref name="States"/>.</param>
public sealed record PushTEpisode(int Index, IReadOnlyList<PushTState> States, IReadOnlyList<Vec2> Actions)
{
    /// <summary>Steps in the episode.</summary>
    public int Length => States.Count;
}
