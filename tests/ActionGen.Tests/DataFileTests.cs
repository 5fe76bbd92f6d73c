using ActionGen.Data;

namespace ActionGen.Tests;

public class DataFileTests
{
    [Fact]
    public void Committed_data_files_are_exactly_what_the_generators_write()
    {
        using var temp = new TempDirectory();
        foreach (string generated in DataFiles.WriteAll(temp.Path))
        {
            string committed = RepositoryRoot.Path("data", Path.GetFileName(generated));
            Assert.True(File.Exists(committed), $"{committed} is missing: run dotnet run --project tools/ActionGen.Data");
            Assert.True(File.ReadAllText(generated) == File.ReadAllText(committed),
                $"{committed} differs from its generator's output: run dotnet run --project tools/ActionGen.Data");
        }
    }

    [Fact]
    public void Obstacle_demonstrations_round_trip_through_csv()
    {
        using var temp = new TempDirectory();
        var demos = Tasks.ObstacleDemonstrations.Generate(4, seed: 2);
        string path = temp.File("demos.csv", DataFiles.ObstacleCsv(demos));
        var back = DataFiles.ReadObstacle(path);
        Assert.Equal(demos.Select(d => (d.Episode, d.Side, d.Actions.Count)), back.Select(d => (d.Episode, d.Side, d.Actions.Count)));
        double worst = demos.SelectMany(d => d.Actions).Zip(back.SelectMany(d => d.Actions), (a, b) => (a - b).Length).Max();
        Assert.True(worst < 1e-6, $"largest difference {worst}");
    }

    [Theory]
    [InlineData("s,a\n0.1,0.2\n0.3\n", ":3: expected 2 fields (s,a), got 1")]
    [InlineData("s,a\n0.1,0.2\n0.3,abc\n", ":3: column 'a' holds 'abc', expected a number")]
    [InlineData("s,a\n0.1,NaN\n", ":2: column 'a' holds NaN, expected a finite number")]
    [InlineData("s,a\n", "no data rows")]
    [InlineData("", ":1: empty file")]
    [InlineData("s,s\n1,2\n", ":1: column 's' appears twice")]
    public void Malformed_csv_is_rejected_with_file_and_line(string contents, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.File("bad.csv", contents);
        var error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(path).Numbers(["s", "a"]));
        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_lists_the_columns_there_are()
    {
        using var temp = new TempDirectory();
        var table = CsvTable.Read(temp.File("t.csv", "s,a\n1,2\n"));
        var error = Assert.Throws<InvalidDataException>(() => table.Numbers(["x"]));
        Assert.Contains("no column 'x'; the columns are s, a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_side_is_reported_with_its_line()
    {
        using var temp = new TempDirectory();
        string path = temp.File("d.csv", "episode,step,side,x,y,dx,dy\n0,0,up,0,0,0,0\n");
        var error = Assert.Throws<InvalidDataException>(() => DataFiles.ReadObstacle(path));
        Assert.Contains("d.csv:2: column 'side' holds 'up'", error.Message, StringComparison.Ordinal);
    }
}
