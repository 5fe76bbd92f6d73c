using ActionGen.Data;
using ActionGen.Tasks.PushT;

namespace ActionGen.Measurement;

/// <summary>
/// Finds the nearby human chunks of a test state: the training states within <see cref="NeighbourhoodOptions.Radius"/>
/// of it in the normalised state space z(s) = (s − centre) / half-range (training min-max statistics), at most one per
/// training episode (the nearest) unless told otherwise, the nearest <see cref="NeighbourhoodOptions.MaxNeighbours"/>
/// of them — and their next chunks. Exhaustive search: exact, and fast enough for tens of thousands of states.
/// </summary>
public sealed class NearbyChunks
{
    private readonly double[] normalised;
    private readonly int dim;
    private readonly int[] episodes;
    private readonly double[][] chunks;

    /// <summary>Indexes training <paramref name="states"/> [N, dim], the episode of each and its next chunk.</summary>
    /// <exception cref="ArgumentException">Counts that differ, no states, or chunks of different shapes.</exception>
    public NearbyChunks(double[,] states, IReadOnlyList<int> episodes, IReadOnlyList<double[]> chunks, int stepDim, NeighbourhoodOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(chunks);
        int rows = states.GetLength(0);
        if (rows == 0) throw new ArgumentException("Expected at least one training state, got none.", nameof(states));
        if (episodes.Count != rows || chunks.Count != rows)
            throw new ArgumentException($"Expected one episode and one chunk per training state ({rows}), got {episodes.Count} episodes and {chunks.Count} chunks.");
        ChunkDistance.CheckSameShape(chunks, stepDim, "the training chunks");
        Options = options ?? new NeighbourhoodOptions();
        Options.Validate();
        StepDim = stepDim;
        Normalizer = MinMaxNormalizer.Fit(states);
        dim = states.GetLength(1);
        normalised = new double[rows * dim];
        var centre = Normalizer.Centre;
        var half = Normalizer.HalfRange;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < dim; c++) normalised[r * dim + c] = (states[r, c] - centre[c]) / half[c]; // z = (s − centre) / half-range
        }
        this.episodes = [.. episodes];
        this.chunks = [.. chunks];
    }

    /// <summary>The nearby chunks of Push-T training rows: their current states, episodes and chunks.</summary>
    public static NearbyChunks Of(PushTChunkSet training, NeighbourhoodOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new NearbyChunks(training.States, training.Episodes, training.Chunks(), PushTChunkSet.StepDim, options);
    }

    /// <summary>The search's options.</summary>
    public NeighbourhoodOptions Options { get; }

    /// <summary>The training states' min-max statistics, which define the normalised space.</summary>
    public MinMaxNormalizer Normalizer { get; }

    /// <summary>Numbers per chunk step.</summary>
    public int StepDim { get; }

    /// <summary>Training states indexed.</summary>
    public int Count => episodes.Length;

    /// <summary>The same index searched with other options (e.g. another radius), without copying the data.</summary>
    public NearbyChunks With(NeighbourhoodOptions options) => new(this, options);

    /// <summary>The normalised distance between two raw states, ‖z(a) − z(b)‖.</summary>
    public double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var za = Normalise(a);
        var zb = Normalise(b);
        return Math.Sqrt(za.Zip(zb, (x, y) => (x - y) * (x - y)).Sum());
    }

    /// <summary>The neighbourhood of raw state <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">A state of the wrong dimension.</exception>
    public ChunkNeighbourhood Around(IReadOnlyList<double> state)
    {
        var z = Normalise(state);
        double radiusSquared = Options.Radius * Options.Radius;
        var best = new Dictionary<int, (int Row, double Squared)>();
        var all = new List<(int Row, double Squared)>();
        for (int r = 0; r < episodes.Length; r++)
        {
            double squared = 0;
            for (int c = 0; c < dim; c++)
            {
                double diff = normalised[r * dim + c] - z[c];
                squared += diff * diff;                                              // ‖z(s_r) − z(s)‖²
            }
            if (squared > radiusSquared) continue;                                   // outside the radius
            if (!Options.OnePerEpisode) all.Add((r, squared));
            else if (!best.TryGetValue(episodes[r], out var kept) || squared < kept.Squared) best[episodes[r]] = (r, squared); // nearest per episode
        }
        var chosen = (Options.OnePerEpisode ? best.Values.ToList() : all)
            .OrderBy(p => p.Squared).ThenBy(p => p.Row).Take(Options.MaxNeighbours).ToList();
        return new ChunkNeighbourhood(
            chosen.Select(p => p.Row).ToArray(),
            chosen.Select(p => Math.Sqrt(p.Squared)).ToArray(),
            chosen.Select(p => chunks[p.Row]).ToArray(),
            chosen.Count >= Options.MinNeighbours);
    }

    private NearbyChunks(NearbyChunks source, NeighbourhoodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (normalised, dim, episodes, chunks, Normalizer, StepDim, Options) = (source.normalised, source.dim, source.episodes, source.chunks, source.Normalizer, source.StepDim, options);
    }

    private double[] Normalise(IReadOnlyList<double> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != dim) throw new ArgumentException($"Expected a state of {dim} numbers (as the training states), got {state.Count}.", nameof(state));
        var centre = Normalizer.Centre;
        var half = Normalizer.HalfRange;
        return Enumerable.Range(0, dim).Select(c => (state[c] - centre[c]) / half[c]).ToArray();  // z = (s − centre) / half-range
    }
}
