using ActionGen.Data;
using ActionGen.Measurement;
using ActionGen.Tasks.PushT;

namespace ActionGen.Tests;

/// <summary>The multimodality measurement on the real Push-T data: the numbers data/README.md reports, with a tolerance.</summary>
public class PushTMultimodalityTests
{
    private static readonly Lazy<(PushTChunkSet Train, PushTChunkSet HeldOut)> Sets = new(() =>
    {
        var episodes = PushTData.Read(RepositoryRoot.Path("data", PushTData.FileName));
        var (train, heldOut) = EpisodeSplit.Create(episodes.Count, 0.2, seed: 0).Apply(episodes);
        return (PushTChunks.Build(train), PushTChunks.Build(heldOut));
    });

    private static double[][] HeldOutStates => Enumerable.Range(0, Sets.Value.HeldOut.Count).Select(Sets.Value.HeldOut.State).ToArray();

    [Fact]
    public void The_split_gives_19277_training_and_4725_held_out_chunks()
    {
        Assert.Equal(19_277, Sets.Value.Train.Count);
        Assert.Equal(4_725, Sets.Value.HeldOut.Count);
        Assert.Equal(41, Sets.Value.HeldOut.Episodes.Distinct().Count());
    }

    [Fact]
    public void At_radius_0_1_about_a_sixth_of_held_out_states_are_measured_and_under_a_tenth_of_those_are_multimodal()
    {
        var nearby = NearbyChunks.Of(Sets.Value.Train);
        var report = MultimodalityMeasurement.Measure(nearby, HeldOutStates);
        // Measured here: 803 of 4,725 states measured, 68 multimodal (8.5 %).
        Assert.InRange(report.Measured, 780, 830);
        Assert.InRange(report.Share, 0.06, 0.11);

        // A wider radius reaches more states, and finds a smaller share of them multimodal (0.05: 2 %; 0.2: 43 %, 3.1 %).
        var narrow = MultimodalityMeasurement.Measure(nearby.With(new NeighbourhoodOptions(Radius: 0.05)), HeldOutStates);
        var wide = MultimodalityMeasurement.Measure(nearby.With(new NeighbourhoodOptions(Radius: 0.2)), HeldOutStates);
        Assert.True(narrow.Measured < report.Measured && report.Measured < wide.Measured, $"{narrow.Measured}, {report.Measured}, {wide.Measured}");
        Assert.InRange(wide.Share, 0.01, 0.06);

        // On the multimodal states the mode-averaging rate tells the neighbours' mean (between the clusters) from the
        // cluster centres (measured here: 73.5 % against 2.2 %).
        var multimodal = report.States.Where(s => s.IsMultimodal).ToArray();
        var human = multimodal.Select(s => s.Neighbourhood.Chunks).ToArray();
        var means = multimodal.Select(s => (IReadOnlyList<double[]>)[Enumerable.Range(0, 32).Select(d => s.Neighbourhood.Chunks.Average(c => c[d])).ToArray()]).ToArray();
        var centres = multimodal.Select(s => s.Split!.Centres).ToArray();
        Assert.InRange(ModeAveraging.Rate(means, human, PushTChunkSet.StepDim).Rate, 0.5, 1.0);
        Assert.InRange(ModeAveraging.Rate(centres, human, PushTChunkSet.StepDim).Rate, 0.0, 0.1);
    }
}
