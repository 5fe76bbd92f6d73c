using System.Text;
using ActionGen.Data;
using ActionGen.Diffusion;
using ActionGen.FlowMatching;
using ActionGen.Mdn;
using ActionGen.Mse;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Sampling;
using ActionGen.Tasks;
using ActionGen.Tokenization;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

/// <summary>A model file is never lost, round-trips every option, and a bad one is named with what was expected.</summary>
public class ModelFileTests
{
    private static ActionDataset Toy()
    {
        var (s, a) = new BimodalToy().Sample(200, seed: 3);
        return ActionDataset.FromScalars(s, a);
    }

    [Fact]
    public void A_save_that_fails_half_way_leaves_the_previous_file_untouched()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "model.policy");
        using var good = MsePolicy.Create(Toy(), new MseOptions([8]));
        good.Save(path);
        byte[] before = File.ReadAllBytes(path);

        using var other = MsePolicy.Create(Toy(), new MseOptions([8]));
        var header = new PolicyHeader("mse", PolicyFile.FormatVersion, other.ObservationNormalizer, other.ActionNormalizer, PolicyFile.OptionsToJson(other.Options));
        using var failing = new FailsWhileSaving();
        Assert.Throws<IOException>(() => PolicyFile.Write(path, header, failing));            // header written, weights fail
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(temp.Path));                                           // no temporary file left behind
    }

    [Fact]
    public void Saving_a_disposed_policy_throws_before_touching_the_file()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "model.policy");
        var policy = MdnPolicy.Create(Toy(), new MdnOptions(Components: 2, HiddenWidths: [8]));
        policy.Save(path);
        byte[] before = File.ReadAllBytes(path);
        policy.Dispose();
        Assert.Throws<ObjectDisposedException>(() => policy.Save(path));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Every_option_of_every_policy_survives_a_round_trip()
    {
        using var temp = new TempDirectory();
        var data = Toy();
        var mse = new MseOptions([7, 5], Seed: 9);
        var mdn = new MdnOptions(3, [6], StdParameterization.EluPlusOne, MinStd: 0.002, LogStdClamp: 4, TanhMeans: false, StableLikelihood: true,
            Sampling: MixtureSampling.MostLikelyMean, WeightTemperature: 0.5, StdScale: 0.25, Seed: 4);
        var diffusion = new DiffusionOptions(NoiseLevels: 30, Schedule: NoiseScheduleKind.Linear, Target: NetworkTarget.CleanAction,
            Sampling: new DiffusionSampling(DiffusionSamplerKind.Ddim, 6, 0.3, DdpmVariance.Beta, ClipSample: false), Width: 12, Blocks: 2, TimeEmbedding: 8, EmaPower: 0.6, Seed: 3);

        using (var p = MsePolicy.Create(data, mse)) p.Save(Path.Combine(temp.Path, "mse"));
        using (var p = MdnPolicy.Create(data, mdn)) p.Save(Path.Combine(temp.Path, "mdn"));
        var flow = new FlowMatchingOptions(FlowTimeSampling.Uniform, FlowSampling.Heun(3), Width: 10, Blocks: 1, TimeEmbedding: 6, EmaPower: 0.5, Seed: 8);
        using (var p = DiffusionPolicy.Create(data, diffusion)) p.Save(Path.Combine(temp.Path, "diffusion"));
        using (var p = FlowMatchingPolicy.Create(data, flow)) p.Save(Path.Combine(temp.Path, "flow"));
        using var flowLoaded = FlowMatchingPolicy.Load(Path.Combine(temp.Path, "flow"));
        using var mseLoaded = MsePolicy.Load(Path.Combine(temp.Path, "mse"));
        using var mdnLoaded = MdnPolicy.Load(Path.Combine(temp.Path, "mdn"));
        using var diffusionLoaded = DiffusionPolicy.Load(Path.Combine(temp.Path, "diffusion"));

        Assert.Equal(mse.Widths, mseLoaded.Options.Widths);
        Assert.Equal(mse, mseLoaded.Options with { HiddenWidths = mse.HiddenWidths });
        Assert.Equal(mdn.Widths, mdnLoaded.Options.Widths);
        Assert.Equal(mdn, mdnLoaded.Options with { HiddenWidths = mdn.HiddenWidths });
        Assert.Equal(diffusion, diffusionLoaded.Options);
        Assert.Equal(0.6, diffusionLoaded.Options.EmaPower);
        Assert.True(diffusionLoaded.UsesEma);
        Assert.Equal(flow, flowLoaded.Options);
        Assert.Equal(data.ObservationDim, mseLoaded.ObservationDim);
    }

    [Fact]
    public void A_token_policy_keeps_its_options_and_its_fitted_tokenizer()
    {
        using var temp = new TempDirectory();
        var random = new Random(1);
        var observations = new double[150, 1];
        var actions = new double[150, 4];
        for (int i = 0; i < 150; i++)
        {
            observations[i, 0] = random.NextDouble();
            for (int n = 0; n < 4; n++) actions[i, n] = observations[i, 0] * (n + 1) + 0.05 * random.NextDouble();
        }
        var chunks = new ActionDataset(observations, actions);
        var quantile = new TokenOptions(ActionTokenization.QuantileBins, Bins: 17, Width: 8, Layers: 1, Heads: 2,
            Sampling: new TokenSampling(0.7, TopK: 5), Seed: 6);
        var fast = new TokenOptions(ActionTokenization.Fast, ChunkSteps: 2, FastScale: 7.5, FastVocabulary: 90, Width: 12, Layers: 2, Heads: 3,
            Sampling: TokenSampling.Greedy, InvalidChunks: InvalidChunkHandling.ZeroChunk, Seed: 2);
        using var observationTensor = torch.rand(20, 1);
        foreach (var options in new[] { quantile, fast })
        {
            string path = Path.Combine(temp.Path, options.Tokenization.ToString());
            using var saved = TokenPolicy.Create(chunks, options);
            saved.Save(path);
            using var loaded = TokenPolicy.Load(path);
            Assert.Equal(options, loaded.Options);
            Assert.Equal(saved.Tokenizer, loaded.Tokenizer);
            Assert.Equal(saved.Tokenizer.Encode([0.1, 0.5, -0.2, 0.9]), loaded.Tokenizer.Encode([0.1, 0.5, -0.2, 0.9]));
            using var greedySaved = saved.WithSampling(TokenSampling.Greedy);
            using var greedyLoaded = loaded.WithSampling(TokenSampling.Greedy);
            Assert.Equal(greedySaved.Act(observationTensor).data<float>().ToArray(), greedyLoaded.Act(observationTensor).data<float>().ToArray());
        }
        using var fastPolicy = TokenPolicy.Load(Path.Combine(temp.Path, "Fast"));
        var fastTokenizer = Assert.IsType<FastTokenizer>(fastPolicy.Tokenizer);
        Assert.True(fastTokenizer.Bpe.Merges.Count > 0);

        string damaged = Path.Combine(temp.Path, "damaged.policy");
        using (var policy = TokenPolicy.Create(chunks, quantile))
        {
            var state = PolicyFile.OptionsToJson(new TokenModelState(policy.Options, policy.Tokenizer));
            state["tokenizer"]!["bins"] = 1;                                                    // one bin cannot tokenize anything
            PolicyFile.Write(damaged, new PolicyHeader("tokens", PolicyFile.FormatVersion, policy.ObservationNormalizer, policy.ActionNormalizer, state), policy.Network);
        }
        var error = Assert.Throws<InvalidDataException>(() => TokenPolicy.Load(damaged));
        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 2 bins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_what_was_expected()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "cut.policy");
        using (var policy = MsePolicy.Create(Toy(), new MseOptions([16]))) policy.Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var error = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Expected 4 tensors: layers.linear0.weight [16, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_another_networks_weights_and_a_missing_key_each_name_the_file()
    {
        using var temp = new TempDirectory();
        string garbage = temp.File("garbage.policy", "\u0010ACTIONGEN-POLICY but then nonsense");
        var notModel = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(garbage));
        Assert.Contains(garbage, notModel.Message, StringComparison.Ordinal);

        string mismatched = Path.Combine(temp.Path, "mismatched.policy");
        using (var small = MsePolicy.Create(Toy(), new MseOptions([4])))
        {
            var header = new PolicyHeader("mse", PolicyFile.FormatVersion, small.ObservationNormalizer, small.ActionNormalizer, PolicyFile.OptionsToJson(new MseOptions([8])));
            PolicyFile.Write(mismatched, header, small.Network);                               // the header promises width 8, the weights are width 4
        }
        var wrongNetwork = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(mismatched));
        Assert.Contains(mismatched, wrongNetwork.Message, StringComparison.Ordinal);
        Assert.Contains("do not fit this network", wrongNetwork.Message, StringComparison.Ordinal);

        string missingKey = Path.Combine(temp.Path, "missing.policy");
        using (var stream = File.Create(missingKey))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write("ACTIONGEN-POLICY");
            writer.Write("{\"method\":\"mse\",\"format\":2,\"observation_min\":[0],\"observation_max\":[1],\"action_max\":[1],\"options\":{}}");
        }
        var missing = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(missingKey));
        Assert.Contains(missingKey, missing.Message, StringComparison.Ordinal);
        Assert.Contains("lacks 'action_min'", missing.Message, StringComparison.Ordinal);

        string unknownOption = Path.Combine(temp.Path, "unknown.policy");
        using (var policy = MsePolicy.Create(Toy(), new MseOptions([4])))
        {
            var options = PolicyFile.OptionsToJson(policy.Options);
            options["hiden_widths"] = 3;
            PolicyFile.Write(unknownOption, new PolicyHeader("mse", PolicyFile.FormatVersion, policy.ObservationNormalizer, policy.ActionNormalizer, options), policy.Network);
        }
        var unknown = Assert.Throws<InvalidDataException>(() => MsePolicy.Load(unknownOption));
        Assert.Contains("hiden_widths", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_model_does_not_reset_the_callers_random_state()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "mdn.policy");
        var (policy, _) = MdnPolicy.Train(Toy(), new MdnOptions(Components: 2, HiddenWidths: [8]), new TrainerOptions(Steps: 20));
        using (policy) policy.Save(path);
        using var observations = torch.zeros(200, 1);

        Seeds.Seed(1);
        using var first = MdnPolicy.Load(path);
        var afterLoad = first.Act(observations).data<float>().ToArray();
        Seeds.Seed(1);
        var withoutLoad = first.Act(observations).data<float>().ToArray();
        Seeds.Seed(2);
        var otherSeed = first.Act(observations).data<float>().ToArray();
        Assert.Equal(withoutLoad, afterLoad);
        Assert.NotEqual(otherSeed, afterLoad);
    }

    /// <summary>A network whose weights cannot be written: the save fails after the header is out.</summary>
    private sealed class FailsWhileSaving() : torch.nn.Module("fails")
    {
        public override Dictionary<string, torch.Tensor> state_dict(Dictionary<string, torch.Tensor>? destination = null, string? prefix = null) =>
            throw new IOException("disk full (simulated)");
    }
}
