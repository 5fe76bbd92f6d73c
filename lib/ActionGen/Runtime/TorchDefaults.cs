using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>The device new policies use when none is given: the CPU until setup selects another.</summary>
public static class TorchDefaults
{
    /// <summary>The default device (set by the notebook setup from <see cref="DeviceSelector"/>).</summary>
    public static torch.Device Device { get; set; } = torch.CPU;
}
