using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Tasks;
using ActionGen.Tokenization;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Tests;

/// <summary>The autoregressive token policy: causality, both modes of the toy, FAST's end token, batching, errors, memory.</summary>
public class TokenPolicyTests
{
    private static ActionDataset Toy(int count = 1000)
    {
        var (s, a) = new BimodalToy().Sample(count, seed: 0);
        return ActionDataset.FromScalars(s, a);
    }

    /// <summary>4-step chunks of a 1-D ramp whose slope is the observation: smooth, so FAST compresses them.</summary>
    private static ActionDataset Ramps(int count = 400)
    {
        var random = new Random(7);
        var observations = new double[count, 1];
        var actions = new double[count, 4];
        for (int i = 0; i < count; i++)
        {
            double s = 2 * random.NextDouble() - 1;
            observations[i, 0] = s;
            for (int n = 0; n < 4; n++) actions[i, n] = s * (n + 1) / 4;
        }
        return new ActionDataset(observations, actions);
    }

    [Fact]
    public void The_transformer_is_causal_a_later_token_never_changes_an_earlier_prediction()
    {
        torch.manual_seed(0);
        using var network = new TokenTransformer(observationDim: 2, vocabulary: 10, maxTokens: 6, width: 16, layers: 2, heads: 4);
        using var observations = torch.randn(3, 2);
        using var tokens = torch.randint(0, 10, [3, 6], dtype: int64);
        using var changed = tokens.clone();
        changed[TensorIndex.Colon, 4] = (tokens[TensorIndex.Colon, 4] + 1) % 10;
        using var before = network.forward(observations, tokens);
        using var after = network.forward(observations, changed);
        Assert.Equal([3L, 7, 10], before.shape);
        Assert.True(before.narrow(1, 0, 5).allclose(after.narrow(1, 0, 5), rtol: 0, atol: 1e-6));  // positions 0 … 4 see tokens ≤ 4 only
        Assert.False(before.narrow(1, 5, 2).allclose(after.narrow(1, 5, 2), rtol: 0, atol: 1e-6));  // position 5 sees the change
        Assert.Throws<ArgumentException>(() => network.forward(observations, torch.zeros(3, 7, dtype: int64)));
    }

    [Fact]
    public void Rt2_bins_on_the_toy_sample_both_branches()
    {
        var (policy, history) = TokenPolicy.Train(Toy(), new TokenOptions(Width: 32, Layers: 1, Heads: 2), new TrainerOptions(Steps: 800));
        using (policy)
        {
            Assert.True(history.Completed);
            Assert.Equal(1, policy.Tokenizer.MaxLength);
            Seeds.Seed(11);
            var samples = policy.Act(full(new long[] { 400, 1 }, 0.5f)).data<float>().ToArray();
            double upper = samples.Count(x => x > 0) / 400.0;
            Assert.InRange(upper, 0.3, 0.7);
            double onBranch = samples.Count(x => Math.Abs(Math.Abs(x) - BimodalToy.Branch(0.5)) < 0.15) / 400.0;
            Assert.True(onBranch > 0.8, $"{onBranch:P0} of samples near a branch");

            using var greedy = policy.WithSampling(TokenSampling.Greedy);
            Assert.Equal(ActionOutput.PointEstimate, greedy.Output);
            var modes = greedy.Act(full(new long[] { 50, 1 }, 0.5f)).data<float>().ToArray();
            Assert.Single(modes.Distinct());                                                    // argmax: one answer per observation
            using var topOne = policy.WithSampling(new TokenSampling(TopK: 1));
            Assert.Equal(modes, topOne.Act(full(new long[] { 50, 1 }, 0.5f)).data<float>().ToArray());
        }
    }

    [Fact]
    public void Fast_sequences_end_with_the_end_token_and_decode_to_valid_chunks()
    {
        var data = Ramps();
        var options = new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 32, Layers: 1, Heads: 2);
        var (policy, history) = TokenPolicy.Train(data, options, new TrainerOptions(Steps: 600));
        using (policy)
        {
            Assert.True(history.Completed);
            Assert.IsType<FastTokenizer>(policy.Tokenizer);
            using var observations = torch.tensor(new[] { -0.8, -0.2, 0.3, 0.9 }, float32).reshape(4, 1);
            Seeds.Seed(1);
            var generation = policy.WithSampling(TokenSampling.Greedy).Generate(observations);
            Assert.Equal(1.0, generation.ValidShare);
            Assert.True(generation.MeanTokens < 4, $"{generation.MeanTokens} tokens for 4 values");
            double[] s = [-0.8, -0.2, 0.3, 0.9];
            for (int r = 0; r < 4; r++)
                for (int n = 0; n < 4; n++)                                                        // rounding moves a 4-step chunk by ≤ √4 / (2γ) = 0.1
                    Assert.True(Math.Abs(s[r] * (n + 1) / 4 - generation.Actions[r][n]) <= 0.1, $"row {r}, step {n}: {generation.Actions[r][n]}");
            Assert.All(generation.Tokens, t => Assert.DoesNotContain(policy.EndToken, t));
        }
    }

    [Fact]
    public void A_batch_decodes_each_row_as_if_it_were_alone()
    {
        var data = Ramps(200);
        using var policy = TokenPolicy.Create(data, new TokenOptions(ActionTokenization.Fast, ChunkSteps: 2, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2));
        using var greedy = policy.WithSampling(TokenSampling.Greedy);                           // untrained: sequences of many lengths
        using var observations = torch.linspace(-1, 1, 9).reshape(9, 1);
        var batch = greedy.Generate(observations);
        for (int r = 0; r < 9; r++)
        {
            var alone = greedy.Generate(observations.narrow(0, r, 1));
            Assert.Equal(alone.Tokens[0], batch.Tokens[r]);
            Assert.Equal(alone.Statuses[0], batch.Statuses[r]);
        }
    }

    [Fact]
    public void Invalid_chunks_are_repaired_or_zeroed_as_the_options_say()
    {
        var data = Ramps(200);
        var options = new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2, Sampling: TokenSampling.Greedy);
        using var padded = TokenPolicy.Create(data, options);                                    // untrained: many sequences decode to the wrong length
        using var zeroed = TokenPolicy.Create(data, options with { InvalidChunks = InvalidChunkHandling.ZeroChunk });
        using var observations = torch.linspace(-1, 1, 50).reshape(50, 1);
        var repaired = padded.Generate(observations);
        var zero = zeroed.Generate(observations);
        Assert.True(repaired.ValidShare < 1, "an untrained policy should produce some invalid sequences");
        Assert.Equal(repaired.Tokens, zero.Tokens);                                             // same weights, same greedy tokens
        var centre = padded.ActionNormalizer.Centre;
        for (int r = 0; r < 50; r++)
        {
            if (zero.Statuses[r] == ChunkStatus.Valid) continue;
            for (int c = 0; c < 4; c++) Assert.Equal(centre[c], zero.Actions[r][c], 5);            // zero in normalised units: the range's centre
            Assert.Equal(padded.Tokenizer.DecodeRelaxed(repaired.Tokens[r]).Action[0] * padded.ActionNormalizer.HalfRange[0] + centre[0], repaired.Actions[r][0], 5);
        }
    }

    [Fact]
    public void Length_constrained_decoding_makes_every_fast_sequence_valid()
    {
        var data = Ramps(200);
        var options = new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2);
        using var free = TokenPolicy.Create(data, options);                                      // untrained: lengths are random
        using var constrained = TokenPolicy.Create(data, options with { LengthConstrained = true });
        using var observations = torch.linspace(-1, 1, 200).reshape(200, 1);
        Seeds.Seed(4);
        Assert.True(free.Generate(observations).ValidShare < 0.9);
        Seeds.Seed(4);
        var generation = constrained.Generate(observations);
        Assert.Equal(1.0, generation.ValidShare);
        var fast = (FastTokenizer)constrained.Tokenizer;
        Assert.All(generation.Tokens, t => Assert.Equal(4, t.Sum(fast.Bpe.Length)));
    }

    [Fact]
    public void A_length_constraint_view_decodes_the_same_network_like_a_policy_built_with_that_setting()
    {
        var data = Ramps(200);
        var options = new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2);
        using var free = TokenPolicy.Create(data, options);                                      // same seed: the same weights
        using var constrained = TokenPolicy.Create(data, options with { LengthConstrained = true });
        using var observations = torch.linspace(-1, 1, 200).reshape(200, 1);
        using (var view = free.WithLengthConstraint(true))
        {
            Seeds.Seed(4);
            var fromView = view.Generate(observations);
            Seeds.Seed(4);
            var fromPolicy = constrained.Generate(observations);
            Assert.Equal(1.0, fromView.ValidShare);
            Assert.Equal(fromPolicy.Tokens, fromView.Tokens);
        }
        using var back = constrained.WithLengthConstraint(false);
        Seeds.Seed(4);
        var unconstrained = back.Generate(observations);
        Seeds.Seed(4);
        Assert.Equal(free.Generate(observations).Tokens, unconstrained.Tokens);
        Assert.True(unconstrained.ValidShare < 0.9);
    }

    [Fact]
    public void Mismatched_tokenizers_and_options_are_named()
    {
        var data = Ramps(50);
        var normalizers = (Obs: MinMaxNormalizer.Fit(data.Observations), Act: MinMaxNormalizer.Fit(data.Actions));
        var wrongDim = Assert.Throws<ArgumentException>(() => TokenPolicy.Create(normalizers.Obs, normalizers.Act, BinTokenizer.Uniform(3)));
        Assert.Contains("3-D actions", wrongDim.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TokenPolicy.Create(normalizers.Obs, normalizers.Act, BinTokenizer.Uniform(4), new TokenOptions(ActionTokenization.Fast)));
        var steps = Assert.Throws<ArgumentException>(() => TokenPolicy.Create(data, new TokenOptions(ActionTokenization.Fast, ChunkSteps: 3)));
        Assert.Contains("ChunkSteps", steps.Message, StringComparison.Ordinal);
        Assert.Equal("Heads", Assert.Throws<ArgumentOutOfRangeException>(() => new TokenOptions(Width: 30, Heads: 4).Validate()).ParamName);
        Assert.Equal("TopK", Assert.Throws<ArgumentOutOfRangeException>(() => new TokenOptions(Sampling: new TokenSampling(TopK: 0)).Validate()).ParamName);
        Assert.Equal("Temperature", Assert.Throws<ArgumentOutOfRangeException>(() => new TokenSampling(Temperature: 0).Validate()).ParamName);
        using var policy = TokenPolicy.Create(data, new TokenOptions(Width: 8, Heads: 2));
        Assert.Throws<ArgumentException>(() => policy.Act(torch.zeros(2, 3)));
    }

    [Fact]
    public void Native_tensors_stay_flat_over_training_and_generation()
    {
        var data = Ramps(200);
        using var policy = TokenPolicy.Create(data, new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2));
        var training = new TrainerOptions(Steps: 20, BatchSize: 32);
        Trainer.Fit(policy, data, training);                                                     // optimiser state exists from here on
        var statistics = DisposeScopeManager.Statistics;
        long before = statistics.ThreadTotalLiveCount;
        Trainer.Fit(policy, data, training with { Steps = 1000 });
        long middle = statistics.ThreadTotalLiveCount;
        using var observations = torch.zeros(8, 1);
        for (int i = 0; i < 100; i++) policy.Act(observations).Dispose();
        long after = statistics.ThreadTotalLiveCount;
        Assert.True(after - before < 50, $"live tensors {before} → {middle} → {after} over 1,000 steps and 100 generations");
    }

    [Fact]
    public void Every_policy_says_how_many_network_evaluations_one_act_call_makes()
    {
        var data = Ramps(100);
        using var bins = TokenPolicy.Create(data, new TokenOptions(Width: 16, Layers: 1, Heads: 2));
        Assert.Equal(4, bins.NetworkEvaluations);                                             // one token per number
        using var fast = TokenPolicy.Create(data, new TokenOptions(ActionTokenization.Fast, ChunkSteps: 4, FastVocabulary: 64, Width: 16, Layers: 1, Heads: 2));
        Assert.Equal(fast.Tokenizer.MaxLength, fast.NetworkEvaluations);
        using var mse = ActionGen.Mse.MsePolicy.Create(data);
        Assert.Equal(1, mse.NetworkEvaluations);
        using var diffusion = ActionGen.Diffusion.DiffusionPolicy.Create(data, new ActionGen.Diffusion.DiffusionOptions(Width: 16, Blocks: 1));
        Assert.Equal(100, diffusion.NetworkEvaluations);                                      // DDPM over T = 100
        using var ddim = diffusion.WithSampling(ActionGen.Diffusion.DiffusionSampling.Ddim(10));
        Assert.Equal(10, ddim.NetworkEvaluations);
    }
}
