namespace ActionGen.Training;

/// <summary>Seeded mini-batch indices: shuffles 0..N−1 each epoch and hands out consecutive slices.</summary>
internal sealed class BatchSampler(int count, int batchSize, int seed)
{
    private readonly Random random = new(seed);
    private readonly int[] order = Enumerable.Range(0, count).ToArray();
    private int position = count;

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
