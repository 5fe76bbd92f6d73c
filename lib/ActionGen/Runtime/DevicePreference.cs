namespace ActionGen.Runtime;

/// <summary>Which device a caller asks for.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when a GPU and the CUDA backend are there, else CPU.</summary>
    Auto,

    /// <summary>The CPU, always.</summary>
    Cpu,

    /// <summary>CUDA; falls back to the CPU with a stated reason when it cannot be had.</summary>
    Cuda,
}
