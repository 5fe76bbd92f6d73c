using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>
/// Chooses the device: CUDA when it is there, else the CPU, always with a reason and never with a crash.
/// </summary>
/// <remarks>
/// <c>ACTIONGEN_DEVICE</c> (auto, cpu, cuda) overrides the preference. <c>ACTIONGEN_TORCH_BACKEND=cuda</c> (set by
/// the GPU devcontainer) says CUDA is expected: if it then fails, the choice carries TorchSharp's load trace.
/// </remarks>
public static class DeviceSelector
{
    /// <summary>The environment variable that overrides the preferred device.</summary>
    public const string DeviceVariable = "ACTIONGEN_DEVICE";

    /// <summary>The environment variable naming the libtorch backend the build chose (cpu or cuda).</summary>
    public const string BackendVariable = "ACTIONGEN_TORCH_BACKEND";

    /// <summary>Selects a device from the environment's preference, asking TorchSharp about CUDA.</summary>
    public static DeviceChoice FromEnvironment(DevicePreference fallback = DevicePreference.Auto)
    {
        var preference = ParsePreference(Environment.GetEnvironmentVariable(DeviceVariable), fallback);
        bool cudaExpected = string.Equals(Environment.GetEnvironmentVariable(BackendVariable), "cuda", StringComparison.OrdinalIgnoreCase);
        return Select(preference, cudaExpected);
    }

    /// <summary>Selects a device for <paramref name="preference"/>, asking TorchSharp about CUDA.</summary>
    public static DeviceChoice Select(DevicePreference preference, bool cudaExpected = false)
    {
        TorchRuntime.Initialize();
        var probe = preference == DevicePreference.Cpu ? new CudaProbe(false, 0, null) : CudaProbe.Run(initialize: cudaExpected || preference == DevicePreference.Cuda);
        return Decide(preference, cudaExpected, probe);
    }

    /// <summary>The decision itself, from a preference and what the host said about CUDA.</summary>
    public static DeviceChoice Decide(DevicePreference preference, bool cudaExpected, CudaProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (preference == DevicePreference.Cpu) return new DeviceChoice(DeviceType.CPU, "CPU requested");
        if (probe.Available) return new DeviceChoice(DeviceType.CUDA, $"CUDA available, {probe.DeviceCount} device(s)");

        string why = probe.LoadError is null ? "no CUDA device or no CUDA build of libtorch" : "the CUDA backend failed to load";
        if (cudaExpected || preference == DevicePreference.Cuda)
        {
            string trace = probe.LoadError ?? "TorchSharp loaded without CUDA support: torch.cuda.is_available() is false.";
            return new DeviceChoice(DeviceType.CPU, $"CUDA was {(cudaExpected ? "expected" : "requested")} but {why}: falling back to CPU", trace);
        }
        return new DeviceChoice(DeviceType.CPU, why);
    }

    /// <summary>Parses auto / cpu / cuda (any case); empty means <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static DevicePreference ParsePreference(string? text, DevicePreference fallback = DevicePreference.Auto) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" => fallback,
            "auto" => DevicePreference.Auto,
            "cpu" => DevicePreference.Cpu,
            "cuda" or "gpu" => DevicePreference.Cuda,
            _ => throw new ArgumentException($"{DeviceVariable} must be auto, cpu or cuda; it is '{text}'.", nameof(text)),
        };
}
