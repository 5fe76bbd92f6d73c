using TorchSharp;

namespace ActionGen.Runtime;

/// <summary>What the host says about CUDA: is a device usable, and if loading the backend failed, why.</summary>
/// <param name="Available">True when torch can create tensors on a CUDA device.</param>
/// <param name="DeviceCount">The number of CUDA devices seen.</param>
/// <param name="LoadError">The error from initialising the CUDA backend, when it was tried and failed.</param>
public sealed record CudaProbe(bool Available, int DeviceCount, string? LoadError)
{
    /// <summary>Asks TorchSharp. Tries to initialise the CUDA backend only when <paramref name="initialize"/> is true.</summary>
    public static CudaProbe Run(bool initialize)
    {
        string? error = null;
        if (initialize)
        {
            try { torch.InitializeDeviceType(DeviceType.CUDA); }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeInitializationException)
            {
                error = e.ToString();
            }
        }
        bool available = error is null && torch.cuda.is_available();
        return new CudaProbe(available, available ? torch.cuda.device_count() : 0, error);
    }
}
