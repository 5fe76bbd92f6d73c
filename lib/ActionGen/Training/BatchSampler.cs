namespace ActionGen.Training;

/// <summary>
/// Seeded mini-batch indices, the order the <see cref="Trainer"/> uses: shuffles 0..N−1 each epoch and hands out
/// consecutive slices (a batch may span two epochs).
/// </summary>
public sealed class BatchSampler
{
    private readonly Random random;
    private readonly int[] order;
    private readonly int batchSize;
    private int position;

    /// <summary>Batches of <paramref name="batchSize"/> indices into <paramref name="count"/> rows, in an order fixed by <paramref name="seed"/>.</summary>
    public BatchSampler(int count, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        random = new Random(seed);
        order = Enumerable.Range(0, count).ToArray();
        this.batchSize = batchSize;
        position = count;
    }

    /// <summary>The next batch of <c>batchSize</c> indices.</summary>
    public long[] Next()
    {
        var batch = new long[batchSize];
        for (int i = 0; i < batchSize; i++)
        {
            if (position == order.Length)
            {
                random.Shuffle(order);
                position = 0;
            }
            batch[i] = order[position++];
        }
        return batch;
    }
}
