using System.Globalization;
using System.Text;
using ActionGen.Tasks;

namespace ActionGen.Data;

/// <summary>
/// The datasets in data/: how each is generated (task, size, seed), written and read back. data/README.md documents
/// the schemas; a test regenerates every file and compares it with the committed one.
/// </summary>
public static class DataFiles
{
    /// <summary>Obstacle-task demonstrations file name.</summary>
    public const string ObstacleFile = "obstacle_demos.csv";

    /// <summary>Bimodal 1-D toy file name.</summary>
    public const string BimodalFile = "bimodal_toy.csv";

    /// <summary>The seed every committed dataset is generated with.</summary>
    public const int Seed = 0;

    /// <summary>Episodes in the committed obstacle dataset.</summary>
    public const int ObstacleEpisodes = 100;

    /// <summary>Samples in the committed bimodal toy dataset.</summary>
    public const int BimodalSamples = 1000;

    /// <summary>The obstacle columns: episode, step, side, position, displacement.</summary>
    public static readonly string[] ObstacleColumns = ["episode", "step", "side", "x", "y", "dx", "dy"];

    /// <summary>Writes every dataset into <paramref name="folder"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        string obstacle = Path.Combine(folder, ObstacleFile);
        string toy = Path.Combine(folder, BimodalFile);
        File.WriteAllText(obstacle, ObstacleCsv(Tasks.ObstacleDemonstrations.Generate(ObstacleEpisodes, Seed)));
        var (s, a) = new BimodalToy().Sample(BimodalSamples, Seed);
        File.WriteAllText(toy, BimodalCsv(s, a));
        return [obstacle, toy];
    }

    /// <summary>The obstacle demonstrations as CSV text (six decimals, invariant culture, '\n' line ends).</summary>
    public static string ObstacleCsv(IReadOnlyList<Demonstration> demonstrations)
    {
        ArgumentNullException.ThrowIfNull(demonstrations);
        var csv = new StringBuilder(string.Join(",", ObstacleColumns)).Append('\n');
        foreach (var d in demonstrations)
        {
            for (int t = 0; t < d.Observations.Count; t++)
            {
                var o = d.Observations[t];
                var a = d.Actions[t];
                csv.Append(CultureInfo.InvariantCulture, $"{d.Episode},{t},{d.Side.ToString().ToLowerInvariant()},{o.X:F6},{o.Y:F6},{a.X:F6},{a.Y:F6}\n");
            }
        }
        return csv.ToString();
    }

    /// <summary>The bimodal toy as CSV text with columns s, a.</summary>
    public static string BimodalCsv(IReadOnlyList<double> observations, IReadOnlyList<double> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        var csv = new StringBuilder("s,a\n");
        for (int i = 0; i < observations.Count; i++) csv.Append(CultureInfo.InvariantCulture, $"{observations[i]:F6},{actions[i]:F6}\n");
        return csv.ToString();
    }

    /// <summary>Reads obstacle demonstrations back, grouped into episodes in file order.</summary>
    /// <exception cref="InvalidDataException">A malformed file: the message names file and line.</exception>
    public static IReadOnlyList<Demonstration> ReadObstacle(string path)
    {
        var table = CsvTable.Read(path);
        int[] episodes = table.Indices("episode");
        int[] steps = table.Indices("step");
        var numbers = table.Numbers(["x", "y", "dx", "dy"]);
        string[] sides = table.Text("side");
        var demonstrations = new List<Demonstration>();
        var observations = new List<Vec2>();
        var actions = new List<Vec2>();
        int episode = -1;
        PassSide side = PassSide.Other;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            int rowEpisode = episodes[r];
            if (rowEpisode != episode)
            {
                if (demonstrations.Any(d => d.Episode == rowEpisode))
                    throw new InvalidDataException($"{path}:{table.LineNumbers[r]}: episode {rowEpisode} appears again after episode {episode}: an episode's rows must be contiguous.");
                if (episode >= 0) demonstrations.Add(new Demonstration(episode, side, observations, actions));
                episode = rowEpisode;
                observations = [];
                actions = [];
                side = sides[r] switch
                {
                    "left" => PassSide.Left,
                    "right" => PassSide.Right,
                    _ => throw new InvalidDataException($"{path}:{table.LineNumbers[r]}: column 'side' holds '{sides[r]}', expected left or right."),
                };
            }
            else if (sides[r] != sides[r - 1])
                throw new InvalidDataException($"{path}:{table.LineNumbers[r]}: episode {episode} passes {sides[r - 1]} up to line {table.LineNumbers[r - 1]} and {sides[r]} here: an episode passes on one side.");
            int expectedStep = observations.Count;                                              // steps run 0, 1, 2, … within an episode
            if (steps[r] != expectedStep)
                throw new InvalidDataException($"{path}:{table.LineNumbers[r]}: column 'step' holds {steps[r]}, expected {expectedStep} (episode {episode}'s steps run 0, 1, 2, … in file order).");
            observations.Add(new Vec2(numbers[r, 0], numbers[r, 1]));
            actions.Add(new Vec2(numbers[r, 2], numbers[r, 3]));
        }
        demonstrations.Add(new Demonstration(episode, side, observations, actions));
        return demonstrations;
    }

    /// <summary>Reads the bimodal toy back: observations s and actions a.</summary>
    /// <exception cref="InvalidDataException">A malformed file: the message names file and line.</exception>
    public static ScalarPairs ReadBimodal(string path)
    {
        var numbers = CsvTable.Read(path).Numbers(["s", "a"]);
        int rows = numbers.GetLength(0);
        return new ScalarPairs(Enumerable.Range(0, rows).Select(r => numbers[r, 0]).ToArray(), Enumerable.Range(0, rows).Select(r => numbers[r, 1]).ToArray());
    }
}
