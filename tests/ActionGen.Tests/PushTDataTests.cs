using System.Security.Cryptography;
using ActionGen.Data;
using ActionGen.Tasks;
using ActionGen.Tasks.PushT;

namespace ActionGen.Tests;

public class PushTDataTests
{
    private static string DataPath => RepositoryRoot.Path("data", PushTData.FileName);

    private static readonly Lazy<IReadOnlyList<PushTEpisode>> Episodes = new(() => PushTData.Read(DataPath));

    [Fact]
    public void The_committed_file_has_the_published_checksum_and_the_readme_states_it()
    {
        using var stream = File.OpenRead(DataPath);
        string actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        Assert.Equal(PushTData.Sha256, actual);
        Assert.Contains(PushTData.Sha256, File.ReadAllText(RepositoryRoot.Path("data", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_holds_206_episodes_and_25650_rows_in_the_documented_columns()
    {
        var table = CsvTable.Read(DataPath);
        Assert.Equal(PushTData.Columns, table.Columns);
        Assert.Equal(PushTData.RowCount, table.Rows.Count);
        Assert.Equal(PushTData.EpisodeCount, Episodes.Value.Count);
        Assert.Equal(PushTData.RowCount, Episodes.Value.Sum(e => e.Length));
        Assert.All(Episodes.Value, e => Assert.Equal(e.Length, e.Actions.Count));
    }

    [Fact]
    public void Episodes_run_0_to_205_in_order_with_contiguous_steps_and_lengths_49_to_246()
    {
        var table = CsvTable.Read(DataPath);
        int[] episode = table.Indices("episode");
        int[] step = table.Indices("step");
        for (int r = 1; r < episode.Length; r++)
        {
            bool sameEpisode = episode[r] == episode[r - 1] && step[r] == step[r - 1] + 1;
            bool nextEpisode = episode[r] == episode[r - 1] + 1 && step[r] == 0;
            Assert.True(sameEpisode || nextEpisode, $"line {table.LineNumbers[r]}: episode {episode[r]} step {step[r]} after episode {episode[r - 1]} step {step[r - 1]}");
        }
        Assert.Equal((0, 0), (episode[0], step[0]));
        Assert.Equal(Enumerable.Range(0, 206), Episodes.Value.Select(e => e.Index));
        Assert.Equal(49, Episodes.Value.Min(e => e.Length));
        Assert.Equal(246, Episodes.Value.Max(e => e.Length));
    }

    [Fact]
    public void Every_value_lies_in_the_workspace_and_the_angle_in_0_to_2pi()
    {
        foreach (var e in Episodes.Value)
        {
            Assert.All(e.States, s => Assert.True(s.BlockAngle is >= 0 and < 2 * Math.PI, $"episode {e.Index}: angle {s.BlockAngle}"));
            Assert.All(e.States.SelectMany(s => new[] { s.Agent, s.Block }).Concat(e.Actions),
                p => Assert.True(p.X is >= 0 and <= PushTData.WorkspaceSize && p.Y is >= 0 and <= PushTData.WorkspaceSize, $"episode {e.Index}: {p}"));
        }
    }

    [Fact]
    public void The_angle_is_encoded_without_a_seam_at_2pi()
    {
        var below = new PushTState(new Vec2(0, 0), new Vec2(0, 0), 2 * Math.PI - 0.01).Observation();
        var above = new PushTState(new Vec2(0, 0), new Vec2(0, 0), 0.01).Observation();
        double chord = Math.Sqrt(below.Zip(above, (a, b) => (a - b) * (a - b)).Sum());
        Assert.Equal(2 * Math.Sin(0.01), chord, 1e-12);   // 0.02 rad apart: chord 2 sin(0.01), not 6.26
        Assert.Equal(PushTState.ObservationDim, below.Length);
        Assert.Equal(["agent_x", "agent_y", "block_x", "block_y", "block_cos", "block_sin"], PushTState.ObservationNames);
    }

    [Theory]
    [InlineData("1.5,0", ":3: column 'episode' holds '1.5', expected a whole number")]
    [InlineData("0,2", ":3: column 'step' holds 2, expected 1: the steps of episode 0 run 0, 1, 2")]
    [InlineData("2,0", ":3: column 'episode' holds 2, expected 0 (the same episode) or 1 (the next)")]
    [InlineData("1,1", ":3: column 'step' holds 1, expected 0: the steps of episode 1")]
    [InlineData("0,-1", ":3: column 'step' holds '-1', expected a whole number 0 or above")]
    public void A_broken_episode_or_step_column_is_named_by_file_line_and_column(string episodeAndStep, string expected)
    {
        using var temp = new TempDirectory();
        string header = string.Join(",", PushTData.Columns) + "\n";
        string path = temp.File("pusht.csv", header + "0,0,1,2,3,4,0.5,6,7\n" + episodeAndStep + ",1,2,3,4,0.5,6,7\n");
        var error = Assert.Throws<InvalidDataException>(() => PushTData.Read(path));
        Assert.Contains($"{path}{expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_start_at_episode_0_or_holds_a_bad_number_is_rejected()
    {
        using var temp = new TempDirectory();
        string header = string.Join(",", PushTData.Columns) + "\n";
        string late = temp.File("late.csv", header + "3,0,1,2,3,4,0.5,6,7\n");
        Assert.Contains($"{late}:2: column 'episode' holds 3, expected 0 (the first episode)", Assert.Throws<InvalidDataException>(() => PushTData.Read(late)).Message, StringComparison.Ordinal);
        string huge = temp.File("huge.csv", header + "0,0,1,2,3,4,1e300,6,7\n");
        Assert.Contains($"{huge}:2: column 'block_angle' holds 1e300, beyond float32's range", Assert.Throws<InvalidDataException>(() => PushTData.Read(huge)).Message, StringComparison.Ordinal);
        string missing = temp.File("missing.csv", "episode,step,agent_x\n0,0,1\n");
        Assert.Contains("no column 'agent_y'", Assert.Throws<InvalidDataException>(() => PushTData.Read(missing)).Message, StringComparison.Ordinal);
    }
}
