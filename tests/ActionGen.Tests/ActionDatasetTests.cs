using ActionGen.Data;
using ActionGen.Tasks;
using TorchSharp;

namespace ActionGen.Tests;

public class ActionDatasetTests
{
    [Fact]
    public void An_empty_dataset_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActionDataset(new double[0, 2], new double[0, 2]));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_in_the_data_is_named_by_row_and_column()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActionDataset(new double[,] { { 1 }, { double.NaN } }, new double[,] { { 0 }, { 0 } }));
        Assert.Contains("observations[1, 0] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_row_counts_are_reported()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActionDataset(new double[3, 1], new double[2, 1]));
        Assert.Contains("got 3 observations and 2 actions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensors_of_the_wrong_rank_or_dtype_are_rejected()
    {
        var rank = Assert.Throws<ArgumentException>(() => ActionDataset.FromTensors(torch.zeros(5), torch.zeros(5, 1)));
        Assert.Contains("got shape [5]", rank.Message, StringComparison.Ordinal);
        var dtype = Assert.Throws<ArgumentException>(() => ActionDataset.FromTensors(torch.zeros(new long[] { 5, 1 }, torch.int64), torch.zeros(5, 1)));
        Assert.Contains("floating-point", dtype.Message, StringComparison.Ordinal);
        var ok = ActionDataset.FromTensors(torch.ones(4, 3), torch.zeros(4, 2));
        Assert.Equal((4, 3, 2), (ok.Count, ok.ObservationDim, ok.ActionDim));
    }

    [Fact]
    public void A_csv_with_named_columns_becomes_a_dataset()
    {
        using var temp = new TempDirectory();
        string path = temp.File("user.csv", "t,q1,q2,tau\n0,0.1,0.2,1.5\n1,0.3,0.4,-2\n");
        var data = ActionDataset.FromCsv(path, ["q1", "q2"], ["tau"]);
        Assert.Equal(["q1", "q2"], data.ObservationNames);
        Assert.Equal(-2, data.Actions[1, 0]);
    }

    [Fact]
    public void Chunks_hold_the_next_h_displacements_padded_with_zeros()
    {
        var demo = new Demonstration(0, PassSide.Left, [new Vec2(0, 0), new Vec2(1, 0), new Vec2(2, 0)], [new Vec2(1, 0), new Vec2(1, 0.5), new Vec2(0.5, 0)]);
        var data = ActionChunks.FromDemonstrations([demo], horizon: 2);
        Assert.Equal((3, 4), (data.Count, data.ActionDim));
        Assert.Equal([1, 0, 1, 0.5], Enumerable.Range(0, 4).Select(c => data.Actions[0, c]));
        Assert.Equal([0.5, 0, 0, 0], Enumerable.Range(0, 4).Select(c => data.Actions[2, c]));
        Assert.Equal(["dx0", "dy0", "dx1", "dy1"], data.ActionNames);
    }

    [Fact]
    public void A_chunk_dataset_says_how_many_time_steps_an_action_holds_and_fast_reads_it()
    {
        var chunks = ActionGen.Tasks.ActionChunks.FromDemonstrations(ActionGen.Tasks.ObstacleDemonstrations.Generate(5, seed: 0), horizon: 8);
        Assert.Equal(8, chunks.TimeSteps);
        Assert.Equal(1, new ActionDataset(new double[,] { { 0 } }, new double[,] { { 1, 2 } }).TimeSteps);
        Assert.Equal("TimeSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ActionDataset(new double[,] { { 0 } }, new double[,] { { 1, 2, 3 } }) { TimeSteps = 2 }).ParamName);
        using var policy = ActionGen.Tokenization.TokenPolicy.Create(chunks, new ActionGen.Tokenization.TokenOptions(Tokenization: ActionGen.Tokenization.ActionTokenization.Fast, Width: 8, Layers: 1, Heads: 1));
        Assert.Equal(8, Assert.IsType<ActionGen.Tokenization.FastTokenizer>(policy.Tokenizer).Horizon);
    }
}
