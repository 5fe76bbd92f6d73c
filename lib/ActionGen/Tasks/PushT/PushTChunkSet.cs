using ActionGen.Data;

namespace ActionGen.Tasks.PushT;

/// <summary>
/// Push-T (observation, action chunk) pairs with where each came from. Row r starts at step <c>Steps[r]</c> of episode
/// <c>Episodes[r]</c>; its chunk is <c>Data.Actions</c> row r, the absolute targets (x₀, y₀, x₁, y₁, …, x_{H−1}, y_{H−1}).
/// </summary>
/// <param name="Data">Observations [N, 6·T_o] and chunks [N, 2·H], the input the policies train on.</param>
/// <param name="States">The current state of each row, encoded [N, 6] (equal to <c>Data.Observations</c> when T_o = 1):
/// the space nearby demonstrations are searched in.</param>
/// <param name="Episodes">The episode of each row.</param>
/// <param name="Steps">The step each row's chunk starts at.</param>
/// <param name="PaddedSteps">How many of each chunk's steps repeat the episode's last action.</param>
/// <param name="Options">How the chunks were made.</param>
public sealed record PushTChunkSet(
    ActionDataset Data, double[,] States, IReadOnlyList<int> Episodes, IReadOnlyList<int> Steps, IReadOnlyList<int> PaddedSteps, PushTChunkOptions Options)
{
    /// <summary>Numbers per chunk step: an (x, y) target.</summary>
    public const int StepDim = 2;

    /// <summary>Rows.</summary>
    public int Count => Episodes.Count;

    /// <summary>Row <paramref name="row"/>'s chunk, flat (x₀, y₀, …, x_{H−1}, y_{H−1}).</summary>
    public double[] Chunk(int row) => RowOf(Data.Actions, row);

    /// <summary>Row <paramref name="row"/>'s current state, encoded (6 numbers).</summary>
    public double[] State(int row) => RowOf(States, row);

    /// <summary>Row <paramref name="row"/>'s observation, as the policies take it (6·T_o numbers).</summary>
    public double[] Observation(int row) => RowOf(Data.Observations, row);

    /// <summary>Every chunk, flat, in row order.</summary>
    public IReadOnlyList<double[]> Chunks() => Enumerable.Range(0, Count).Select(Chunk).ToArray();

    private static double[] RowOf(double[,] matrix, int row)
    {
        if (row < 0 || row >= matrix.GetLength(0)) throw new ArgumentOutOfRangeException(nameof(row), row, $"Expected a row in [0, {matrix.GetLength(0) - 1}].");
        return Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[row, c]).ToArray();
    }
}
