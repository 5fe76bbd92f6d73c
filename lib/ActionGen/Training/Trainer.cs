using System.Diagnostics;
using ActionGen.Data;
using TorchSharp;

namespace ActionGen.Training;

/// <summary>
/// The training loop every method shares: seeded mini-batches over normalised data, Adam or AdamW, optional gradient
/// clipping and schedule, progress reports, per-step loss history, and a stop on the first failure — a loss term that
/// is not finite, weights that are not finite, or a run that diverged while staying finite (see <see cref="DivergenceCheck"/>).
/// Every step runs in its own dispose scope, so native memory stays flat however long it runs. Everything random in
/// training comes from <see cref="TrainerOptions.Seed"/>; torch's global generator is left alone.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data's dimensions do not match the model's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or not finite.</exception>
    /// <exception cref="NonFiniteLossException">A loss term or the weights went non-finite and <see cref="TrainerOptions.OnFailure"/> is Throw.</exception>
    /// <exception cref="TrainingDivergedException">The run diverged and <see cref="TrainerOptions.OnFailure"/> is Throw.</exception>
    public static TrainingHistory Fit(ITrainable model, ActionDataset data, TrainerOptions? options = null, IProgress<TrainingProgress>? progress = null,
        TrainingCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainerOptions();
        options.Validate();
        if (checkpoints is not null && checkpoints.Steps.Any(s => s < 1 || s > options.Steps))
            throw new ArgumentOutOfRangeException(nameof(checkpoints), $"Checkpoints must lie in 1 … {options.Steps}, got [{string.Join(", ", checkpoints.Steps)}].");
        var checkpointSteps = checkpoints?.Steps.ToHashSet() ?? [];
        if (data.ObservationDim != model.ObservationNormalizer.Dim || data.ActionDim != model.ActionNormalizer.Dim)
            throw new ArgumentException(
                $"The model takes {model.ObservationNormalizer.Dim}-D observations and {model.ActionNormalizer.Dim}-D actions; the data has {data.ObservationDim} and {data.ActionDim}.", nameof(data));

        using var observations = NormalizedOnDevice(model.ObservationNormalizer, data.ObservationTensor(), model.Device);
        using var normalizedActions = NormalizedOnDevice(model.ActionNormalizer, data.ActionTensor(), model.Device);
        var actions = model.PrepareActions(normalizedActions);                                  // the targets, derived once (tokens, for a token policy)
        using var preparedActions = ReferenceEquals(actions, normalizedActions) ? null : actions;
        var parameters = model.Network.parameters().ToList();
        using var optimizer = options.WeightDecay > 0
            ? (torch.optim.Optimizer)torch.optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay)
            : torch.optim.Adam(parameters, options.LearningRate);
        using var generator = new torch.Generator(unchecked((ulong)options.Seed), model.Device);
        var divergence = new DivergenceCheck(parameters);

        var batches = new BatchSampler(data.Count, Math.Min(options.BatchSize, data.Count), options.Seed);
        var losses = new List<double>(options.Steps);
        var clock = Stopwatch.StartNew();
        double lossSinceReport = 0;
        int stepsSinceReport = 0;
        model.Network.train();
        double currentRate = double.NaN;
        for (int step = 1; step <= options.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            double learningRate = options.LearningRateAt(step - 1);
            if (learningRate != currentRate)
            {
                foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
                currentRate = learningRate;
            }

            using var index = torch.tensor(batches.Next(), dtype: torch.int64, device: model.Device);
            var loss = model.Loss(observations.index_select(0, index), actions.index_select(0, index), generator);
            double total = loss.Total.item<float>(); // the one device-to-host read per step
            if (!double.IsFinite(total))
            {
                // Every term feeds the total, so a non-finite total has a first non-finite term to name.
                var (term, value) = FirstNonFinite(loss, total);
                return Fail(new NonFiniteLossException(step, term, value), losses, clock, options, step, term, null);
            }

            optimizer.zero_grad();
            loss.Total.backward();
            if (options.GradientClipNorm is double maxNorm) torch.nn.utils.clip_grad_norm_(parameters, maxNorm);
            optimizer.step();
            (model as IAfterOptimizerStep)?.AfterOptimizerStep(step);

            losses.Add(total);
            lossSinceReport += total;
            stepsSinceReport++;
            if (step % options.ReportEvery == 0 || step == options.Steps)
            {
                // The weights are checked where progress is reported: cheap, and it catches a run that only a later loss would show.
                if (divergence.NonFiniteWeights())
                    return Fail(new NonFiniteLossException(step, "parameters", double.NaN), losses, clock, options, step, "parameters", null);
                if (divergence.Diverged(losses) is string reason)
                    return Fail(new TrainingDivergedException(step, reason), losses, clock, options, null, null, reason);
                progress?.Report(new TrainingProgress(step, options.Steps, lossSinceReport / stepsSinceReport, learningRate, clock.Elapsed));
                lossSinceReport = 0;
                stepsSinceReport = 0;
            }
            if (checkpointSteps.Contains(step))
            {
                checkpoints!.Evaluate(step);
                model.Network.train();
            }
        }
        model.Network.eval();
        return new TrainingHistory(losses, clock.Elapsed.TotalSeconds, options.Steps, null, null);
    }

    private static TrainingHistory Fail(TrainingFailedException failure, List<double> losses, Stopwatch clock, TrainerOptions options, int? nonFiniteStep, string? term, string? diverged)
    {
        if (options.OnFailure == FailureHandling.Throw) throw failure;
        return new TrainingHistory(losses, clock.Elapsed.TotalSeconds, options.Steps, nonFiniteStep, term, diverged);
    }

    private static torch.Tensor NormalizedOnDevice(MinMaxNormalizer normalizer, torch.Tensor raw, torch.Device device)
    {
        using (raw)
        {
            using var onDevice = raw.to(device);
            return normalizer.Normalize(onDevice);
        }
    }

    private static (string Term, double Value) FirstNonFinite(LossBreakdown loss, double total)
    {
        foreach (var (name, value) in loss.Terms)
        {
            double v = value.item<float>();
            if (!double.IsFinite(v)) return (name, v);
        }
        return ("total", total);
    }
}
