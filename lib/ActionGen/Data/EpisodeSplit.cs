namespace ActionGen.Data;

/// <summary>
/// A split of episodes 0 … n−1 into training and held-out episodes. Splitting by episode, not by step, keeps every
/// held-out state's near-duplicates (its neighbours in time) out of training, so held-out numbers measure
/// generalisation to new demonstrations rather than interpolation between adjacent steps of seen ones.
/// </summary>
/// <param name="Train">Training episode indices, ascending.</param>
/// <param name="HeldOut">Held-out episode indices, ascending.</param>
public sealed record EpisodeSplit(IReadOnlyList<int> Train, IReadOnlyList<int> HeldOut)
{
    /// <summary>Episodes split.</summary>
    public int Episodes => Train.Count + HeldOut.Count;

    /// <summary>
    /// Holds out round(n·<paramref name="heldOutFraction"/>) episodes, clamped to [1, n − 1] (Diffusion Policy's
    /// <c>get_val_mask</c> rule), drawn without replacement by a seeded shuffle: the same (n, fraction, seed) always
    /// gives the same split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 episodes, or a fraction outside (0, 1).</exception>
    public static EpisodeSplit Create(int episodes, double heldOutFraction = 0.2, int seed = 0)
    {
        if (episodes < 2) throw new ArgumentOutOfRangeException(nameof(episodes), episodes, "Splitting needs at least 2 episodes (one to train on, one to hold out).");
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "The held-out fraction must lie strictly between 0 and 1.");
        int heldOut = Math.Clamp((int)Math.Round(episodes * heldOutFraction), 1, episodes - 1); // n_val = min(max(1, round(n·f)), n − 1)
        int[] order = Enumerable.Range(0, episodes).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < heldOut; i++)                                                      // partial Fisher–Yates: the first n_val places
        {
            int j = random.Next(i, episodes);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return new EpisodeSplit([.. order.Skip(heldOut).Order()], [.. order.Take(heldOut).Order()]);
    }

    /// <summary>True when episode <paramref name="episode"/> is held out.</summary>
    public bool IsHeldOut(int episode) => HeldOut.Contains(episode);

    /// <summary>Splits items indexed by episode (item i is episode i) into training and held-out items.</summary>
    /// <exception cref="ArgumentException">The item count is not the number of episodes split.</exception>
    public (IReadOnlyList<T> Train, IReadOnlyList<T> HeldOut) Apply<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count != Episodes) throw new ArgumentException($"Expected one item per episode ({Episodes}), got {items.Count}.", nameof(items));
        return (Train.Select(i => items[i]).ToArray(), HeldOut.Select(i => items[i]).ToArray());
    }
}
