namespace ActionGen.Rollouts;

/// <summary>Entropy of a histogram of behaviour modes, normalised by the log of the number of modes (D3IL's measure).</summary>
public static class ModeStatistics
{
    /// <summary>
    /// H(p) / log K for the histogram <paramref name="counts"/> over K = counts.Count modes: 1 when every mode is used
    /// equally, 0 when a single mode is used (or nothing at all).
    /// </summary>
    public static double NormalizedEntropy(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count < 2) throw new ArgumentException($"Entropy over modes needs at least 2 modes, got {counts.Count}.", nameof(counts));
        if (counts.Any(c => c < 0)) throw new ArgumentException("Mode counts cannot be negative.", nameof(counts));
        double total = counts.Sum();
        if (total == 0) return 0;
        double entropy = counts.Where(c => c > 0).Select(c => c / total).Sum(p => -p * Math.Log(p)); // H = −Σ p log p
        return entropy / Math.Log(counts.Count);
    }
}
