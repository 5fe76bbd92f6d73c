using ActionGen.Data;

namespace ActionGen.Tasks.PushT;

/// <summary>
/// The Push-T human demonstrations in data/ (Diffusion Policy's <c>pusht_cchi_v7_replay.zarr</c>, MIT licence; see
/// data/README.md): 206 episodes, 25,650 steps at 10 Hz. Read through <see cref="CsvTable"/>, so a malformed row is
/// named by file, line and column like every other data file of the series; on top of that the episode and step
/// columns must be whole numbers that number the episodes 0, 1, 2, … in order and the steps of each episode 0, 1, 2, …
/// without gaps.
/// </summary>
public static class PushTData
{
    /// <summary>The file's name in data/.</summary>
    public const string FileName = "pusht_state_demos.csv";

    /// <summary>SHA-256 of the committed file, as published with it.</summary>
    public const string Sha256 = "ce8aa5b2a81983b56fe21939299295576509911006ebbfdb1a47484cb20c5cc4";

    /// <summary>Episodes in the committed file.</summary>
    public const int EpisodeCount = 206;

    /// <summary>Rows (steps) in the committed file.</summary>
    public const int RowCount = 25_650;

    /// <summary>Side of the square workspace, in workspace units: positions lie in [0, 512].</summary>
    public const double WorkspaceSize = 512;

    /// <summary>The columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["episode", "step", "agent_x", "agent_y", "block_x", "block_y", "block_angle", "action_x", "action_y"];

    /// <summary>Reads and validates a Push-T CSV: the episodes in file order.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The first problem found, naming file, line and column.</exception>
    public static IReadOnlyList<PushTEpisode> Read(string path)
    {
        var table = CsvTable.Read(path);
        int[] episodes = table.Indices("episode");
        int[] steps = table.Indices("step");
        var numbers = table.Numbers(Columns.Skip(2).ToArray());

        var result = new List<PushTEpisode>();
        var states = new List<PushTState>();
        var actions = new List<Vec2>();
        int episode = -1;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            string at = $"{path}:{table.LineNumbers[r]}";
            if (episodes[r] != episode)
            {
                if (episodes[r] != episode + 1)
                {
                    string expected = episode < 0 ? "0 (the first episode)" : $"{episode} (the same episode) or {episode + 1} (the next)";
                    throw new InvalidDataException($"{at}: column 'episode' holds {episodes[r]}, expected {expected}: episodes are contiguous blocks of rows numbered 0, 1, 2, … in order.");
                }
                if (episode >= 0) result.Add(new PushTEpisode(episode, states, actions));
                (episode, states, actions) = (episodes[r], [], []);
            }
            if (steps[r] != states.Count)
                throw new InvalidDataException($"{at}: column 'step' holds {steps[r]}, expected {states.Count}: the steps of episode {episode} run 0, 1, 2, … without gaps.");
            states.Add(new PushTState(new Vec2(numbers[r, 0], numbers[r, 1]), new Vec2(numbers[r, 2], numbers[r, 3]), numbers[r, 4]));
            actions.Add(new Vec2(numbers[r, 5], numbers[r, 6]));
        }
        result.Add(new PushTEpisode(episode, states, actions));
        return result;
    }
}
