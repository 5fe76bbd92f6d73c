using ActionGen.Data;

namespace ActionGen.Tasks.PushT;

/// <summary>
/// Action chunking for Push-T, as Diffusion Policy and LeRobot do it: at step t the target is the next H commanded
/// positions a_t, …, a_{t+H−1}. Past an episode's end the chunk repeats the last action — both DP's sampler and
/// LeRobot's dataset pad by repeating the edge frame — which for absolute targets means "hold the final position".
/// Steps whose chunk would need more than <see cref="PushTChunkOptions.MaxPadding"/> padded steps are not chunk starts.
/// Targets stay absolute, as in DP: that is what the data records, and deltas from the agent's position would fold the PD
/// controller's lag into the action.
/// </summary>
public static class PushTChunks
{
    /// <summary>Every chunk start of every episode, in episode and step order.</summary>
    /// <exception cref="ArgumentException">No episodes, or none long enough for a single chunk under these options.</exception>
    public static PushTChunkSet Build(IEnumerable<PushTEpisode> episodes, PushTChunkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        options ??= new PushTChunkOptions();
        options.Validate();
        var list = episodes.ToList();
        if (list.Count == 0) throw new ArgumentException("Expected at least one episode, got none.", nameof(episodes));
        int horizon = options.Horizon, history = options.ObservationSteps;
        int rows = list.Sum(e => Starts(e.Length, options));
        if (rows == 0)
            throw new ArgumentException($"No episode is long enough for a chunk: the longest has {list.Max(e => e.Length)} steps, a chunk needs at least {horizon - options.MaxPadding}.", nameof(episodes));

        const int dim = PushTState.ObservationDim;
        var observations = new double[rows, dim * history];
        var states = new double[rows, dim];
        var chunks = new double[rows, PushTChunkSet.StepDim * horizon];
        var episodeOf = new int[rows];
        var stepOf = new int[rows];
        var padded = new int[rows];
        int r = 0;
        foreach (var episode in list)
        {
            int length = episode.Length;
            double[][] encoded = episode.States.Select(s => s.Observation()).ToArray();
            for (int t = 0; t < Starts(length, options); t++, r++)
            {
                for (int j = 0; j < history; j++)
                {
                    var past = encoded[Math.Max(0, t - history + 1 + j)];                   // s_{max(0, t−T_o+1+j)}: s_0 repeated before the start
                    for (int c = 0; c < dim; c++) observations[r, dim * j + c] = past[c];
                }
                for (int c = 0; c < dim; c++) states[r, c] = encoded[t][c];
                for (int h = 0; h < horizon; h++)
                {
                    var target = episode.Actions[Math.Min(t + h, length - 1)];             // a_{min(t+h, L−1)}: the last action repeated past the end
                    (chunks[r, 2 * h], chunks[r, 2 * h + 1]) = (target.X, target.Y);
                }
                (episodeOf[r], stepOf[r], padded[r]) = (episode.Index, t, Math.Max(0, t + horizon - length)); // padded steps: t + H − L
            }
        }
        var data = new ActionDataset(observations, chunks, ObservationNames(history), ActionNames(horizon)) { TimeSteps = horizon };
        return new PushTChunkSet(data, states, episodeOf, stepOf, padded, options);
    }

    /// <summary>Chunk starts in an episode of <paramref name="length"/> steps: t = 0, …, L − H + MaxPadding (at most L).</summary>
    public static int Starts(int length, PushTChunkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return Math.Clamp(length - options.Horizon + options.MaxPadding + 1, 0, length); // t + H − 1 − (L − 1) ≤ MaxPadding
    }

    private static string[] ObservationNames(int history) =>
        history == 1
            ? [.. PushTState.ObservationNames]
            : Enumerable.Range(0, history).SelectMany(j => PushTState.ObservationNames.Select(n => j == history - 1 ? n : $"{n}[t-{history - 1 - j}]")).ToArray();

    private static string[] ActionNames(int horizon) => Enumerable.Range(0, horizon).SelectMany(h => new[] { $"x{h}", $"y{h}" }).ToArray();
}
