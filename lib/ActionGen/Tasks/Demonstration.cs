namespace ActionGen.Tasks;

/// <summary>One expert episode of the obstacle task: the positions it saw and the displacements it chose.</summary>
/// <param name="Episode">Episode index within its set.</param>
/// <param name="Side">The side the expert chose to pass on.</param>
/// <param name="Observations">Position before each step.</param>
/// <param name="Actions">Displacement taken at each step (same length as <paramref name="Observations"/>).</param>
public sealed record Demonstration(int Episode, PassSide Side, IReadOnlyList<Vec2> Observations, IReadOnlyList<Vec2> Actions)
{
    /// <summary>The path: every observation and the final position.</summary>
    public IReadOnlyList<Vec2> Path =>
        Observations.Count == 0 ? [] : [.. Observations, Observations[^1] + Actions[^1]];
}
