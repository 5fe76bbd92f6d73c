using ActionGen.Data;
using ActionGen.Tasks;
using ActionGen.Tasks.PushT;

namespace ActionGen.Tests;

public class PushTChunkTests
{
    /// <summary>An episode of <paramref name="length"/> steps: agent at (t, 0), block fixed, target (10 t, 100 + t).</summary>
    private static PushTEpisode Episode(int index, int length) => new(
        index,
        Enumerable.Range(0, length).Select(t => new PushTState(new Vec2(t, 0), new Vec2(50, 50), 0.5)).ToArray(),
        Enumerable.Range(0, length).Select(t => new Vec2(10 * t, 100 + t)).ToArray());

    [Fact]
    public void A_chunk_holds_the_next_H_targets_and_repeats_the_last_one_past_the_end()
    {
        var set = PushTChunks.Build([Episode(0, 5)], new PushTChunkOptions(Horizon: 4, MaxPadding: 2));
        Assert.Equal(4, set.Count);                                         // starts t = 0 … L − H + MaxPadding = 3
        Assert.Equal([0, 1, 2, 3], set.Steps);
        Assert.Equal([0, 0, 1, 2], set.PaddedSteps);
        Assert.Equal([0, 100, 10, 101, 20, 102, 30, 103], set.Chunk(0));
        Assert.Equal([30, 103, 40, 104, 40, 104, 40, 104], set.Chunk(3)); // a₃, a₄, then a₄ twice
        Assert.Equal(8, set.Data.ActionDim);
        Assert.Equal("x3", set.Data.ActionNames[6]);
    }

    [Fact]
    public void MaxPadding_H_minus_1_makes_every_step_a_chunk_start_and_0_none_past_the_end()
    {
        Assert.Equal(5, PushTChunks.Build([Episode(0, 5)], new PushTChunkOptions(Horizon: 4, MaxPadding: 3)).Count);
        var unpadded = PushTChunks.Build([Episode(0, 5)], new PushTChunkOptions(Horizon: 4, MaxPadding: 0));
        Assert.Equal(2, unpadded.Count);
        Assert.All(unpadded.PaddedSteps, p => Assert.Equal(0, p));
        Assert.Equal(0, PushTChunks.Starts(3, new PushTChunkOptions(Horizon: 8, MaxPadding: 2)));
    }

    [Fact]
    public void Two_observation_steps_stack_the_previous_state_and_repeat_the_first_at_the_start()
    {
        var set = PushTChunks.Build([Episode(0, 6)], new PushTChunkOptions(Horizon: 2, ObservationSteps: 2, MaxPadding: 1));
        Assert.Equal(12, set.Data.ObservationDim);
        Assert.Equal(0, set.Observation(0)[0]);                             // s₀ before the start is s₀ again
        Assert.Equal(0, set.Observation(0)[6]);
        Assert.Equal(1, set.Observation(2)[0]);                             // at t = 2: s₁ then s₂
        Assert.Equal(2, set.Observation(2)[6]);
        Assert.Equal([2, 0, 50, 50, Math.Cos(0.5), Math.Sin(0.5)], set.State(2));
        Assert.Equal("agent_x[t-1]", set.Data.ObservationNames[0]);
        Assert.Equal("agent_x", set.Data.ObservationNames[6]);
    }

    [Fact]
    public void Rows_remember_their_episode_and_episodes_too_short_contribute_nothing()
    {
        var set = PushTChunks.Build([Episode(7, 3), Episode(9, 20)], new PushTChunkOptions(Horizon: 16, MaxPadding: 7));
        Assert.All(set.Episodes, e => Assert.Equal(9, e));                  // 3 steps cannot start a chunk with ≤ 7 padded steps
        Assert.Equal(20 - 16 + 7 + 1, set.Count);
        var error = Assert.Throws<ArgumentException>(() => PushTChunks.Build([Episode(0, 3)]));
        Assert.Contains("a chunk needs at least 9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 0, "Horizon")]
    [InlineData(4, 0, 0, "ObservationSteps")]
    [InlineData(4, 1, 4, "MaxPadding")]
    [InlineData(4, 1, -1, "MaxPadding")]
    public void Options_out_of_range_are_rejected_by_name(int horizon, int history, int padding, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PushTChunkOptions(horizon, history, padding).Validate());
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void The_real_data_gives_one_chunk_per_step_except_the_last_8_of_each_episode()
    {
        var episodes = PushTData.Read(RepositoryRoot.Path("data", PushTData.FileName));
        var set = PushTChunks.Build(episodes);
        Assert.Equal(PushTData.RowCount - 8 * PushTData.EpisodeCount, set.Count);
        Assert.Equal(32, set.Data.ActionDim);
        Assert.Equal(6, set.Data.ObservationDim);
        Assert.Equal(7, set.PaddedSteps.Max());
        var last = episodes[0];
        int row = set.Episodes.Count(e => e == 0) - 1;                              // the last chunk of episode 0 ends on 7 repeats of its last action
        Assert.Equal(new[] { last.Actions[^1].X, last.Actions[^1].Y }, set.Chunk(row)[^2..]);
    }

    [Fact]
    public void The_split_holds_out_20_percent_of_episodes_the_same_way_every_time()
    {
        var split = EpisodeSplit.Create(206, 0.2, seed: 0);
        Assert.Equal(41, split.HeldOut.Count);                              // round(206 · 0.2)
        Assert.Equal(165, split.Train.Count);
        Assert.Equal(Enumerable.Range(0, 206), split.Train.Concat(split.HeldOut).Order());
        Assert.Equal(split.HeldOut, EpisodeSplit.Create(206, 0.2, seed: 0).HeldOut);
        Assert.NotEqual(split.HeldOut, EpisodeSplit.Create(206, 0.2, seed: 1).HeldOut);
        Assert.Equal(split.HeldOut.Order(), split.HeldOut);
        Assert.True(split.IsHeldOut(split.HeldOut[0]));

        var (train, heldOut) = split.Apply(Enumerable.Range(0, 206).Select(i => $"e{i}").ToArray());
        Assert.Equal(split.HeldOut.Select(i => $"e{i}"), heldOut);
        Assert.Equal(165, train.Count);
        Assert.Throws<ArgumentException>(() => split.Apply(new[] { 1, 2 }));
        Assert.Single(EpisodeSplit.Create(3, 0.01).HeldOut);                // at least one held out …
        Assert.Single(EpisodeSplit.Create(2, 0.99).Train);                  // … and at least one kept
        Assert.Throws<ArgumentOutOfRangeException>(() => EpisodeSplit.Create(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpisodeSplit.Create(10, 1.0));
    }
}
