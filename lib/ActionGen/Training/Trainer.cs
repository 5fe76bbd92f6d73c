using System.Diagnostics;
using ActionGen.Data;
using TorchSharp;

namespace ActionGen.Training;

/// <summary>
/// The training loop every method shares: seeded mini-batches over normalised data, Adam or AdamW, optional gradient
/// clipping and schedule, progress reports, per-step loss history, and a stop on the first non-finite loss term.
/// Every step runs in its own dispose scope, so native memory stays flat however long it runs.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data's dimensions do not match the model's.</exception>
    /// <exception cref="NonFiniteLossException">A loss term went non-finite and <see cref="TrainerOptions.OnNonFinite"/> is Throw.</exception>
    public static TrainingHistory Fit(ITrainable model, ActionDataset data, TrainerOptions? options = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainerOptions();
        options.Validate();
        if (data.ObservationDim != model.ObservationNormalizer.Dim || data.ActionDim != model.ActionNormalizer.Dim)
            throw new ArgumentException(
                $"The model takes {model.ObservationNormalizer.Dim}-D observations and {model.ActionNormalizer.Dim}-D actions; the data has {data.ObservationDim} and {data.ActionDim}.", nameof(data));

        using var observations = NormalizedOnDevice(model.ObservationNormalizer, data.ObservationTensor(), model.Device);
        using var actions = NormalizedOnDevice(model.ActionNormalizer, data.ActionTensor(), model.Device);
        var parameters = model.Network.parameters().ToList();
        using var optimizer = options.WeightDecay > 0
            ? (torch.optim.Optimizer)torch.optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay)
            : torch.optim.Adam(parameters, options.LearningRate);

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
            var loss = model.Loss(observations.index_select(0, index), actions.index_select(0, index));
            double total = loss.Total.item<float>(); // the one device-to-host read per step
            if (!double.IsFinite(total))
            {
                // Every term feeds the total, so a non-finite total has a first non-finite term to name.
                var (term, value) = FirstNonFinite(loss, total);
                if (options.OnNonFinite == NonFiniteHandling.Throw) throw new NonFiniteLossException(step, term, value);
                return new TrainingHistory(losses, clock.Elapsed.TotalSeconds, options.Steps, step, term);
            }

            optimizer.zero_grad();
            loss.Total.backward();
            if (options.GradientClipNorm is double maxNorm) torch.nn.utils.clip_grad_norm_(parameters, maxNorm);
            optimizer.step();
            (model as IAfterOptimizerStep)?.AfterOptimizerStep(step);

            losses.Add(total);
            lossSinceReport += total;
            stepsSinceReport++;
            if (progress is not null && (step % options.ReportEvery == 0 || step == options.Steps))
            {
                progress.Report(new TrainingProgress(step, options.Steps, lossSinceReport / stepsSinceReport, learningRate, clock.Elapsed));
                lossSinceReport = 0;
                stepsSinceReport = 0;
            }
        }
        model.Network.eval();
        return new TrainingHistory(losses, clock.Elapsed.TotalSeconds, options.Steps, null, null);
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
