using ActionGen.Data;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ActionGen.Tokenization;

/// <summary>
/// An autoregressive token policy, as RT-1, RT-2, OpenVLA and π0-FAST generate actions: the normalised action is turned
/// into tokens (<see cref="ActionTokenizer"/>), a causal transformer (<see cref="TokenTransformer"/>) models
/// p(t₁ … t_L | s) = Πᵢ p(tᵢ | s, t₁ … tᵢ₋₁), it is trained by cross-entropy on the next token with the true
/// previous tokens as input (teacher forcing), and actions are sampled one token at a time, then decoded.
/// <para>A categorical over bins can put mass on any set of grid points, so several modes cost nothing; the chain rule
/// over dimensions keeps their joint structure. The costs: quantisation error (half a bin, or FAST's rounding), one
/// network pass per token, and sequences as long as the action has values — unless FAST compresses them.</para>
/// <para>Per-dimension bins (<see cref="ActionTokenization.UniformBins"/>, <see cref="ActionTokenization.QuantileBins"/>)
/// always take exactly one token per value, so no end token is sampled. FAST takes a variable number: the vocabulary
/// has one extra end token, sampling stops at it or after H · D tokens, and a sequence that does not decode to H · D
/// coefficients is repaired as <see cref="TokenOptions.InvalidChunks"/> says (<see cref="Generate"/> reports how many) —
/// or prevented, with <see cref="TokenOptions.LengthConstrained"/>. There is no key-value cache: each step runs the
/// whole prefix again, so one action costs O(L²) in its length L; at these lengths (≤ H · D) that is simpler and cheap.</para>
/// </summary>
public sealed class TokenPolicy : Policy
{
    private const long IgnoredTarget = -100;
    private readonly TokenTransformer network;

    private TokenPolicy(TokenTransformer network, ActionTokenizer tokenizer, MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer,
        TokenOptions options, Device device, TokenPolicy? owner = null)
        : base(network, observationNormalizer, actionNormalizer, device, owner)
    {
        this.network = network;
        Tokenizer = tokenizer;
        Options = options;
    }

    /// <summary>The method name stored in model files.</summary>
    public const string MethodName = "tokens";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <inheritdoc />
    public override ActionOutput Output => Options.SamplingInUse.Argmax ? ActionOutput.PointEstimate : ActionOutput.Sample;

    /// <summary>The options it was built with.</summary>
    public TokenOptions Options { get; }

    /// <inheritdoc />
    /// <remarks>One pass per token: the bins' fixed length, or the longest FAST sequence (most end sooner).</remarks>
    public override int NetworkEvaluations => Tokenizer.MaxLength;

    /// <summary>The tokenizer fitted on the training actions (normalised units).</summary>
    public ActionTokenizer Tokenizer { get; }

    /// <summary>The end token's id: one past the tokenizer's vocabulary.</summary>
    public int EndToken => Tokenizer.VocabularySize;

    /// <inheritdoc />
    protected override IPolicyOptions SavedOptions => new TokenModelState(Options, Tokenizer);

    /// <summary>An untrained policy: normalisers fitted on <paramref name="data"/>, and the tokenizer too unless <paramref name="tokenizer"/> is given.</summary>
    public static TokenPolicy Create(ActionDataset data, TokenOptions? options = null, ActionTokenizer? tokenizer = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TokenOptions();
        options.Validate();
        var actionNormalizer = MinMaxNormalizer.Fit(data.Actions);
        tokenizer ??= FitTokenizer(NormalizedActions(data, actionNormalizer), options, data.TimeSteps);
        return Create(MinMaxNormalizer.Fit(data.Observations), actionNormalizer, tokenizer, options, device);
    }

    /// <summary>An untrained policy with the given normalisers and tokenizer; weights depend only on <see cref="TokenOptions.Seed"/>.</summary>
    /// <exception cref="ArgumentException">The tokenizer's action dimension or kind does not match.</exception>
    public static TokenPolicy Create(MinMaxNormalizer observationNormalizer, MinMaxNormalizer actionNormalizer, ActionTokenizer tokenizer, TokenOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(observationNormalizer);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        ArgumentNullException.ThrowIfNull(tokenizer);
        options ??= new TokenOptions();
        options.Validate();
        tokenizer.Validate();
        if (tokenizer.ActionDim != actionNormalizer.Dim)
            throw new ArgumentException($"The tokenizer encodes {tokenizer.ActionDim}-D actions, the policy's actions are {actionNormalizer.Dim}-D.", nameof(tokenizer));
        if ((tokenizer is FastTokenizer) != (options.Tokenization == ActionTokenization.Fast))
            throw new ArgumentException($"Options ask for {options.Tokenization}, the tokenizer given is a {tokenizer.GetType().Name}.", nameof(tokenizer));
        var network = InitializeWithSeed(options.Seed, () =>
            new TokenTransformer(observationNormalizer.Dim, tokenizer.VocabularySize + 1, tokenizer.MaxLength, options.Width, options.Layers, options.Heads));
        return new TokenPolicy(network, tokenizer, observationNormalizer, actionNormalizer, options, device ?? TorchDefaults.Device);
    }

    /// <summary>Creates and trains a policy in one call.</summary>
    public static (TokenPolicy Policy, TrainingHistory History) Train(
        ActionDataset data, TokenOptions? options = null, TrainerOptions? training = null, IProgress<TrainingProgress>? progress = null, Device? device = null) =>
        TrainNew(Create(data, options, device: device), data, training, progress);

    /// <summary>
    /// The tokenizer <paramref name="options"/> asks for, fitted on normalised actions [N, D]; FAST's chunk steps are
    /// <see cref="TokenOptions.ChunkSteps"/>, or <paramref name="timeSteps"/> (the data's) when that is 0.
    /// </summary>
    /// <exception cref="ArgumentException">FAST's chunk steps do not divide the action dimension.</exception>
    public static ActionTokenizer FitTokenizer(double[,] normalizedActions, TokenOptions options, int timeSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(normalizedActions);
        ArgumentNullException.ThrowIfNull(options);
        int dim = normalizedActions.GetLength(1);
        int chunkSteps = options.ChunkSteps > 0 ? options.ChunkSteps : timeSteps;
        return options.Tokenization switch
        {
            ActionTokenization.UniformBins => BinTokenizer.Uniform(dim, options.Bins),
            ActionTokenization.QuantileBins => BinTokenizer.FitQuantiles(normalizedActions, options.Bins),
            ActionTokenization.Fast when chunkSteps < 1 || dim % chunkSteps != 0 =>
                throw new ArgumentException($"FAST needs the {dim} action values to be {chunkSteps} steps (ChunkSteps, or the data's TimeSteps) of equal size.", nameof(options)),
            ActionTokenization.Fast => FastTokenizer.Fit(normalizedActions, chunkSteps, options.FastScale, options.FastVocabulary),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Tokenization, "Unknown tokenization."),
        };
    }

    /// <summary>The dataset's actions in the normalised units the tokenizer works in: (a − centre) / half-range.</summary>
    public static double[,] NormalizedActions(ActionDataset data, MinMaxNormalizer actionNormalizer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(actionNormalizer);
        if (data.ActionDim != actionNormalizer.Dim) throw new ArgumentException($"The data has {data.ActionDim}-D actions, the normaliser {actionNormalizer.Dim}-D.", nameof(data));
        var centre = actionNormalizer.Centre;
        var half = actionNormalizer.HalfRange;
        var result = new double[data.Count, data.ActionDim];
        for (int r = 0; r < data.Count; r++)
            for (int c = 0; c < data.ActionDim; c++) result[r, c] = (data.Actions[r, c] - centre[c]) / half[c];
        return result;
    }

    /// <summary>Loads a policy saved by <see cref="Policy.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a token policy of this format, or is damaged: the message names the file.</exception>
    public static TokenPolicy Load(string path, Device? device = null)
    {
        var header = PolicyFile.ReadHeader(path, MethodName, out long weightsOffset);
        TokenModelState state;
        try
        {
            state = ReadOptions<TokenModelState>(header, path);
        }
        catch (ArgumentException e)                                                              // a tokenizer's own guard clauses, while it is read
        {
            throw new InvalidDataException($"{path}: the header's tokenizer is invalid: {e.Message}", e);
        }
        return WithWeightsFrom(Create(header.ObservationNormalizer, header.ActionNormalizer, state.Tokenizer, state.Options, device), path, weightsOffset);
    }

    /// <summary>A view of the same network with other sampling settings; it does not own the network.</summary>
    public TokenPolicy WithSampling(TokenSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ThrowIfDisposed();
        var options = Options with { Sampling = sampling };
        options.Validate();
        return new TokenPolicy(network, Tokenizer, ObservationNormalizer, ActionNormalizer, options, Device, this);
    }

    /// <summary>
    /// A view of the same network that decodes with (or without) the FAST length constraint
    /// (<see cref="TokenOptions.LengthConstrained"/>): training is the same either way, only sampling differs. It does
    /// not own the network.
    /// </summary>
    public TokenPolicy WithLengthConstraint(bool constrained)
    {
        ThrowIfDisposed();
        return new TokenPolicy(network, Tokenizer, ObservationNormalizer, ActionNormalizer, Options with { LengthConstrained = constrained }, Device, this);
    }

    /// <summary>
    /// Cross-entropy of the next token, averaged over every token of the mini-batch (and each FAST sequence's end token),
    /// with the true previous tokens as input: L = −1/N Σᵢ log p_θ(tᵢ | s, t₁ … tᵢ₋₁). Nothing is random, so
    /// <paramref name="generator"/> is not used.
    /// </summary>
    public override LossBreakdown Loss(Tensor observations, Tensor actions, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        var (inputs, targets) = actions.dtype == ScalarType.Int64 ? Trimmed(actions) : TeacherForcing(actions);
        var logits = network.forward(observations, inputs);                                     // [B, T + 1, V + 1]
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), targets.reshape(-1), ignore_index: IgnoredTarget); // −1/N Σ log p(tᵢ | s, t₍<ᵢ₎)
        return LossBreakdown.OneTerm("cross-entropy", loss);
    }

    /// <summary>
    /// Tokenizes the whole training set once: [N, 2T + 1] int64 rows, the teacher-forcing inputs [T] then the targets
    /// [T + 1], padded to the longest sequence (the padding is never a target). <see cref="Loss"/> takes rows of it.
    /// </summary>
    public override Tensor PrepareActions(Tensor normalizedActions)
    {
        ArgumentNullException.ThrowIfNull(normalizedActions);
        var (inputs, targets) = TeacherForcing(normalizedActions);
        return cat([inputs, targets], 1);
    }

    /// <summary>A prepared mini-batch split into inputs and targets, cut to its own longest sequence (FAST's lengths vary).</summary>
    private (Tensor Inputs, Tensor Targets) Trimmed(Tensor prepared)
    {
        long length = (prepared.shape[1] - 1) / 2;
        var (inputs, targets) = (prepared.narrow(1, 0, length), prepared.narrow(1, length, length + 1));
        if (Tokenizer.FixedLength) return (inputs, targets);
        long longest = targets.ne(IgnoredTarget).sum(1).max().item<long>() - 1;                  // the longest sequence, without its end token
        return (inputs.narrow(1, 0, longest), targets.narrow(1, 0, longest + 1));
    }

    /// <summary>The tokens of normalised actions [B, D] as the model's inputs [B, T] and targets [B, T + 1] (−100 where nothing is predicted).</summary>
    private (Tensor Inputs, Tensor Targets) TeacherForcing(Tensor actions)
    {
        using var cpu = actions.detach().to(float32).cpu();
        float[] flat = cpu.data<float>().ToArray();
        int rows = (int)actions.shape[0], dim = (int)actions.shape[1];
        var action = new double[dim];
        var sequences = new int[rows][];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < dim; c++) action[c] = flat[r * dim + c];
            sequences[r] = Tokenizer.Encode(action);
        }
        int length = sequences.Max(s => s.Length);
        var inputs = new long[rows * length];
        var targets = new long[rows * (length + 1)];
        Array.Fill(inputs, EndToken);                                                           // after a sequence's end: inputs no target depends on
        Array.Fill(targets, IgnoredTarget);
        for (int r = 0; r < rows; r++)
        {
            int[] s = sequences[r];
            for (int i = 0; i < s.Length; i++)
            {
                inputs[r * length + i] = s[i];
                targets[r * (length + 1) + i] = s[i];                                            // position i predicts token i + 1
            }
            if (!Tokenizer.FixedLength) targets[r * (length + 1) + s.Length] = EndToken;        // … and the end after the last
        }
        return (tensor(inputs, device: actions.device).reshape(rows, length), tensor(targets, device: actions.device).reshape(rows, length + 1));
    }

    /// <inheritdoc />
    protected override Tensor ActNormalized(Tensor observations)
    {
        if (observations.shape[0] == 0) return zeros(0, ActionDim, dtype: float32, device: observations.device);   // an empty batch, as every policy answers it
        var (_, _, actions) = GenerateNormalized(observations);
        return tensor(actions, dtype: float32, device: observations.device).reshape(observations.shape[0], ActionDim);
    }

    /// <summary>
    /// Samples tokens for raw observations [B, ds], all rows in parallel one token at a time, and decodes them: the
    /// tokens, whether each decoded to a valid action, and the actions in raw units. Draws come from torch's global
    /// generator (seed it with <c>Seeds.Seed</c> for reproducible samples).
    /// </summary>
    public TokenGeneration Generate(Tensor observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ThrowIfDisposed();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (tokens, statuses, normalized) = GenerateNormalized(EvaluationInput(observations));
        int rows = tokens.Length;
        var raw = ActionNormalizer.Denormalize(tensor(normalized, dtype: float64).reshape(rows, ActionDim)).data<double>().ToArray();
        var actions = Enumerable.Range(0, rows).Select(r => raw.AsSpan(r * ActionDim, ActionDim).ToArray()).ToArray();
        return new TokenGeneration(tokens, statuses, actions);
    }

    private (int[][] Tokens, ChunkStatus[] Statuses, double[] Actions) GenerateNormalized(Tensor observations)
    {
        network.eval();
        long b = observations.shape[0];
        var sampling = Options.SamplingInUse;
        var generated = zeros(b, 0, dtype: int64, device: observations.device);
        var finished = zeros(b, dtype: ScalarType.Bool, device: observations.device);
        using var endColumn = arange(EndToken + 1, dtype: int64, device: observations.device).eq(EndToken);             // masks the end token's logit
        bool constrained = Options.LengthConstrained && !Tokenizer.FixedLength;
        using var tokenLengths = tensor(ValuesPerToken(), dtype: int64, device: observations.device);                  // values each token decodes to; end: 0
        var produced = zeros(b, dtype: int64, device: observations.device);
        for (int i = 0; i < Tokenizer.MaxLength; i++)
        {
            using var step = NewDisposeScope();
            var logits = network.NextTokenLogits(observations, generated);                      // p(t_{i+1} | s, t_{≤i}) as logits [B, V + 1]
            if (Tokenizer.FixedLength || i == 0) logits = logits.masked_fill(endColumn, double.NegativeInfinity); // bins never end; FAST needs one token first
            if (constrained)
            {
                var remaining = (ActionDim - produced).unsqueeze(1);                            // values still missing, [B, 1]
                var tooLong = tokenLengths.unsqueeze(0).gt(remaining);                          // a token that would overfill the chunk
                var early = remaining.gt(0).logical_and(endColumn.unsqueeze(0));                // the end before the chunk is full
                logits = logits.masked_fill(tooLong.logical_or(early), double.NegativeInfinity);
            }
            var next = NextToken(logits, sampling);
            next = where(finished, full_like(next, EndToken), next);                             // a finished row keeps emitting the end token
            generated = cat([generated, next.unsqueeze(1)], 1).MoveToOuterDisposeScope();
            produced = (produced + tokenLengths.index_select(0, next)).MoveToOuterDisposeScope();
            finished = finished.logical_or(next.eq(EndToken)).MoveToOuterDisposeScope();
            if (!Tokenizer.FixedLength && finished.all().item<bool>()) break;
        }
        long[] flat = generated.cpu().data<long>().ToArray();
        int length = (int)generated.shape[1];
        var tokens = new int[b][];
        var statuses = new ChunkStatus[b];
        var actions = new double[b * ActionDim];
        for (int r = 0; r < b; r++)
        {
            tokens[r] = flat.AsSpan(r * length, length).ToArray().TakeWhile(t => t != EndToken).Select(t => (int)t).ToArray();
            var decoded = Tokenizer.DecodeRelaxed(tokens[r]);
            statuses[r] = decoded.Status;
            if (decoded.Status == ChunkStatus.Valid || Options.InvalidChunks == InvalidChunkHandling.PadOrTruncate)
                decoded.Action.CopyTo(actions, r * ActionDim);                                   // ZeroChunk leaves the row at 0
        }
        return (tokens, statuses, actions);
    }

    /// <summary>How many action values each token id decodes to (FAST: coefficients; bins: 1), the end token 0.</summary>
    private long[] ValuesPerToken()
    {
        var lengths = new long[EndToken + 1];
        for (int t = 0; t < EndToken; t++) lengths[t] = Tokenizer is FastTokenizer fast ? fast.Bpe.Length(t) : 1;
        return lengths;
    }

    /// <summary>One token per row from logits [B, V + 1]: argmax, or a draw from softmax(logits / T) restricted to the top k.</summary>
    private static Tensor NextToken(Tensor logits, TokenSampling sampling)
    {
        if (sampling.Argmax) return logits.argmax(1);                                           // t = argmax p
        logits = logits / sampling.Temperature;                                                 // logits / T
        if (sampling.TopK is int k && k < logits.shape[1])
        {
            var kth = logits.topk(k, 1).values.select(1, k - 1).unsqueeze(1);
            logits = logits.masked_fill(logits.lt(kth), double.NegativeInfinity);                // keep the k largest
        }
        return multinomial(nn.functional.softmax(logits, 1), 1).squeeze(1);                     // t ~ Categorical(softmax(logits / T))
    }
}
