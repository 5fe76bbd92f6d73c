using ActionGen.Policies;
using TorchSharp;

namespace ActionGen.Measurement;

/// <summary>Draws K actions (chunks) per observation from a policy, in the nested form the chunk metrics take.</summary>
public static class PolicySamples
{
    /// <summary>
    /// K actions for each observation: result[i][k] is the k-th sample at observation i, flat. Observations are
    /// repeated K times and run in batches of at most <paramref name="batchSize"/> rows. A point-estimate policy is run
    /// once per observation and its action repeated. Draws come from torch's global generator (seed it with
    /// <c>Seeds.Seed</c> for reproducible samples).
    /// </summary>
    /// <exception cref="ArgumentException">No observations, an observation of the wrong size, K &lt; 1 or a batch size &lt; 1.</exception>
    public static IReadOnlyList<IReadOnlyList<double[]>> Draw(IPolicy policy, IReadOnlyList<double[]> observations, int k, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(observations);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1 sample per observation.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1 row.");
        if (observations.Count == 0) throw new ArgumentException("Expected at least one observation, got none.", nameof(observations));
        for (int i = 0; i < observations.Count; i++)
        {
            if (observations[i]?.Length != policy.ObservationDim)
                throw new ArgumentException($"Expected observations of {policy.ObservationDim} numbers for this {policy.Method} policy, got {observations[i]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"} at index {i}.", nameof(observations));
        }
        int draws = policy.Output == ActionOutput.PointEstimate ? 1 : k;
        int rows = observations.Count * draws, dim = policy.ObservationDim, actionDim = policy.ActionDim;
        var flat = new double[rows * actionDim];
        for (int start = 0; start < rows; start += batchSize)
        {
            int count = Math.Min(batchSize, rows - start);
            var input = new float[count * dim];
            for (int r = 0; r < count; r++)
            {
                var observation = observations[(start + r) / draws];
                for (int c = 0; c < dim; c++) input[r * dim + c] = (float)observation[c];
            }
            using var scope = torch.NewDisposeScope();
            var actions = policy.Act(torch.tensor(input, [count, dim])).to(torch.float64).cpu();
            Array.Copy(actions.data<double>().ToArray(), 0, flat, start * actionDim, count * actionDim);
        }
        var result = new IReadOnlyList<double[]>[observations.Count];
        for (int i = 0; i < observations.Count; i++)
        {
            result[i] = Enumerable.Range(0, k).Select(s => flat.AsSpan((i * draws + (draws == 1 ? 0 : s)) * actionDim, actionDim).ToArray()).ToArray();
        }
        return result;
    }
}
