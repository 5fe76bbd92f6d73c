using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.Tests;

public class SeedsTests
{
    [Fact]
    public void The_same_seed_gives_the_same_random_tensors_and_another_seed_does_not()
    {
        Seeds.Seed(123);
        float[] first = torch.rand(8).data<float>().ToArray();
        Seeds.Seed(123);
        float[] again = torch.rand(8).data<float>().ToArray();
        Seeds.Seed(124);
        float[] other = torch.rand(8).data<float>().ToArray();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(124, Seeds.Current);
    }
}
