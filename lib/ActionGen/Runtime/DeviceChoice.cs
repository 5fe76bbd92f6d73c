using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>The device chosen, why, and (when CUDA was expected but failed to load) TorchSharp's load trace.</summary>
/// <param name="Type">The device type chosen.</param>
/// <param name="Reason">One line: why this device.</param>
/// <param name="LoadTrace">TorchSharp's native-load diagnostics when an expected CUDA backend failed; otherwise null.</param>
public sealed record DeviceChoice(DeviceType Type, string Reason, string? LoadTrace = null)
{
    /// <summary>The TorchSharp device for <see cref="Type"/>.</summary>
    public torch.Device Device => new(Type);

    /// <summary>True when the CUDA backend was expected but CPU was chosen instead.</summary>
    public bool IsFallback => LoadTrace is not null;

    /// <inheritdoc />
    public override string ToString() =>
        LoadTrace is null ? $"{Type.ToString().ToLowerInvariant()} ({Reason})" : $"{Type.ToString().ToLowerInvariant()} ({Reason})\n{LoadTrace}";
}
