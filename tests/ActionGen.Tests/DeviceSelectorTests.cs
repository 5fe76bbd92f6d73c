using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.Tests;

public class DeviceSelectorTests
{
    private static readonly CudaProbe NoCuda = new(false, 0, null);

    [Fact]
    public void Auto_takes_cuda_when_available()
    {
        var choice = DeviceSelector.Decide(DevicePreference.Auto, cudaExpected: false, new CudaProbe(true, 2, null));
        Assert.Equal(DeviceType.CUDA, choice.Type);
        Assert.Contains("2 device", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_takes_cpu_quietly_when_cuda_was_not_expected()
    {
        var choice = DeviceSelector.Decide(DevicePreference.Auto, cudaExpected: false, NoCuda);
        Assert.Equal(DeviceType.CPU, choice.Type);
        Assert.False(choice.IsFallback);
    }

    [Fact]
    public void Expected_cuda_that_failed_to_load_falls_back_to_cpu_with_the_load_trace()
    {
        var choice = DeviceSelector.Decide(DevicePreference.Auto, cudaExpected: true, new CudaProbe(false, 0, "TorchSharp: could not load libtorch_cuda.so"));
        Assert.Equal(DeviceType.CPU, choice.Type);
        Assert.True(choice.IsFallback);
        Assert.Contains("expected", choice.Reason, StringComparison.Ordinal);
        Assert.Contains("libtorch_cuda.so", choice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Requesting_cuda_on_this_cpu_host_falls_back_to_cpu_without_throwing()
    {
        // This machine has no GPU and the CPU backend: the real probe must fail softly.
        var choice = DeviceSelector.Select(DevicePreference.Cuda);
        Assert.Equal(DeviceType.CPU, choice.Type);
        Assert.True(choice.IsFallback);
        Assert.Contains("CUDA was requested", choice.Reason, StringComparison.Ordinal);
        using var tensor = torch.ones(2, device: choice.Device);
        Assert.Equal(2f, tensor.sum().item<float>());
    }

    [Fact]
    public void Cpu_preference_never_probes_cuda()
    {
        Assert.Equal(DeviceType.CPU, DeviceSelector.Decide(DevicePreference.Cpu, cudaExpected: true, new CudaProbe(true, 1, null)).Type);
    }

    [Theory]
    [InlineData(null, DevicePreference.Auto)]
    [InlineData("", DevicePreference.Auto)]
    [InlineData("CPU", DevicePreference.Cpu)]
    [InlineData(" cuda ", DevicePreference.Cuda)]
    [InlineData("gpu", DevicePreference.Cuda)]
    public void Preferences_parse(string? text, DevicePreference expected) =>
        Assert.Equal(expected, DeviceSelector.ParsePreference(text));

    [Fact]
    public void An_unknown_preference_names_the_variable_and_the_value()
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceSelector.ParsePreference("tpu"));
        Assert.Contains("ACTIONGEN_DEVICE", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tpu'", error.Message, StringComparison.Ordinal);
    }
}
