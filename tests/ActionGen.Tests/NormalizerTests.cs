using ActionGen.Data;
using TorchSharp;

namespace ActionGen.Tests;

public class NormalizerTests
{
    [Fact]
    public void The_training_range_maps_to_minus_one_one_and_back()
    {
        var normalizer = MinMaxNormalizer.Fit(new double[,] { { 0, 10 }, { 2, 30 }, { 1, 20 } });
        using var x = torch.tensor(new double[] { 0, 10, 2, 30, 1, 20 }, dtype: torch.float32).reshape(3, 2);
        using var z = normalizer.Normalize(x);
        Assert.Equal(new float[] { -1, -1, 1, 1, 0, 0 }, z.data<float>().ToArray());
        using var back = normalizer.Denormalize(z);
        Assert.Equal(x.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void A_constant_column_maps_to_zero_and_back_to_its_constant_without_nan()
    {
        var normalizer = MinMaxNormalizer.Fit(new double[,] { { 5, 1 }, { 5, 3 } });
        using var x = torch.tensor(new double[] { 5, 1, 5, 3 }, dtype: torch.float32).reshape(2, 2);
        using var z = normalizer.Normalize(x);
        Assert.Equal(new float[] { 0, -1, 0, 1 }, z.data<float>().ToArray());
        using var back = normalizer.Denormalize(z);
        Assert.Equal(new float[] { 5, 1, 5, 3 }, back.data<float>().ToArray());
    }

    [Fact]
    public void A_batch_of_the_wrong_width_is_rejected_with_both_shapes()
    {
        var normalizer = MinMaxNormalizer.Fit(new double[,] { { 0, 1 } });
        using var x = torch.zeros(4, 3);
        var error = Assert.Throws<ArgumentException>(() => normalizer.Normalize(x));
        Assert.Contains("expected a tensor of shape [batch, 2], got [4, 3]", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
