namespace ActionGen.Tasks.PushT;

/// <summary>
/// How Push-T episodes become (observation, action chunk) pairs. Defaults follow Diffusion Policy's Push-T setup where
/// it matters for the data: a prediction horizon of 16 steps, and at most 7 steps of padding past an episode's end.
/// </summary>
/// <param name="Horizon">H, the steps in a chunk: the action at step t is the targets a_t, …, a_{t+H−1}
/// (Diffusion Policy: 16, of which it executes 8).</param>
/// <param name="ObservationSteps">T_o, the states an observation stacks: s_{t−T_o+1}, …, s_t, oldest first, with s_0
/// repeated before an episode's start (Diffusion Policy: 2, which gives the policy the agent's velocity). The default 1
/// keeps the observation a single 6-number state, the same space the nearby-demonstration search uses.</param>
/// <param name="MaxPadding">The most steps a chunk may run past its episode's end, filled by repeating the last
/// action; later steps are not chunk starts. Diffusion Policy samples windows with <c>pad_after = n_action_steps − 1
/// = 7</c> and LeRobot drops the last 7 frames of each episode for the same reason: a window of mostly padding teaches
/// little. <c>Horizon − 1</c> keeps every step.</param>
public sealed record PushTChunkOptions(int Horizon = 16, int ObservationSteps = 1, int MaxPadding = 7)
{
    /// <summary>Throws when an option is out of range, naming it, its value and what was expected.</summary>
    public void Validate()
    {
        if (Horizon < 1) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "Horizon must be at least 1 step.");
        if (ObservationSteps < 1) throw new ArgumentOutOfRangeException(nameof(ObservationSteps), ObservationSteps, "ObservationSteps must be at least 1.");
        if (MaxPadding < 0 || MaxPadding > Horizon - 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPadding), MaxPadding, $"MaxPadding must lie in [0, Horizon − 1] = [0, {Horizon - 1}]: a chunk holds at least one real action.");
    }
}
