using ActionGen.Data;

namespace ActionGen.Tasks;

/// <summary>
/// Action chunking, as ACT and Diffusion Policy do: the action at step t is the next H displacements
/// (dx_t, dy_t, …, dx_{t+H−1}, dy_{t+H−1}). Past the end of an episode the chunk is padded with zero displacements
/// (the robot has arrived and stays).
/// </summary>
public static class ActionChunks
{
    /// <summary>Observation (x, y) → the next <paramref name="horizon"/> displacements, for every step of every demonstration.</summary>
    public static ActionDataset FromDemonstrations(IEnumerable<Demonstration> demonstrations, int horizon)
    {
        ArgumentNullException.ThrowIfNull(demonstrations);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var demos = demonstrations.ToList();
        int rows = demos.Sum(d => d.Actions.Count);
        var observations = new double[rows, 2];
        var actions = new double[rows, 2 * horizon];
        int r = 0;
        foreach (var demo in demos)
        {
            for (int t = 0; t < demo.Actions.Count; t++, r++)
            {
                (observations[r, 0], observations[r, 1]) = (demo.Observations[t].X, demo.Observations[t].Y);
                for (int h = 0; h < horizon && t + h < demo.Actions.Count; h++)
                {
                    actions[r, 2 * h] = demo.Actions[t + h].X;
                    actions[r, 2 * h + 1] = demo.Actions[t + h].Y;
                }
            }
        }
        var actionNames = Enumerable.Range(0, horizon).SelectMany(h => new[] { $"dx{h}", $"dy{h}" }).ToArray();
        return new ActionDataset(observations, actions, ["x", "y"], actionNames) { TimeSteps = horizon };
    }

    /// <summary>The positions a chunk visits from <paramref name="start"/>: start, start + a₀, start + a₀ + a₁, …</summary>
    public static IReadOnlyList<Vec2> Path(Vec2 start, IReadOnlyList<double> chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Count % 2 != 0) throw new ArgumentException($"A chunk holds (dx, dy) pairs: expected an even length, got {chunk.Count}.", nameof(chunk));
        var path = new List<Vec2> { start };
        for (int h = 0; h < chunk.Count; h += 2) path.Add(path[^1] + new Vec2(chunk[h], chunk[h + 1]));
        return path;
    }
}
