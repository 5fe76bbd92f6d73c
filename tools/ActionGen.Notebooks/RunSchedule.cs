namespace ActionGen.Notebooks;

/// <summary>
/// Which notebook starts when, and with how many libtorch threads, when several run at once. On a small machine two
/// notebooks of one thread each keep both cores busier than one notebook of two threads: the networks here are small,
/// and a kernel spends part of its time outside libtorch.
/// </summary>
public static class RunSchedule
{
    /// <summary>
    /// The order in which notebooks start: the series order when one runs at a time; otherwise the reverse, so the later,
    /// heavier notebooks (they train more methods on more tasks) start first and the short ones fill the gaps at the end.
    /// </summary>
    /// <param name="notebooks">The notebooks, in series order.</param>
    /// <param name="parallel">How many run at once (at least 1).</param>
    /// <returns>Indices into <paramref name="notebooks"/>.</returns>
    public static IReadOnlyList<int> StartOrder(IReadOnlyList<string> notebooks, int parallel)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var order = Enumerable.Range(0, notebooks.Count);
        return (parallel == 1 ? order : order.Reverse()).ToList();
    }

    /// <summary>
    /// libtorch threads per notebook: the ones asked for, or, when several run at once, the machine's cores shared among
    /// them (at least one); null (the kernel's own choice) for one at a time with nothing asked.
    /// </summary>
    public static int? ThreadsPerNotebook(int? requested, int parallel, int cores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        if (requested is int threads) return threads;
        return parallel == 1 ? null : Math.Max(1, cores / parallel);
    }
}
