using System.Runtime.InteropServices;
using ActionGen.Runtime;
using TorchSharp;

namespace ActionGen.Tests;

public class TorchRuntimeTests
{
    private static string LibTorchSharp()
    {
        string? directory = TorchRuntime.FindNativeDirectory();
        Assert.NotNull(directory);
        return Path.Combine(directory, "libLibTorchSharp.so");
    }

    [Fact]
    public void Torch_computes_after_initialisation()
    {
        var report = TorchRuntime.Initialize();
        Assert.Equal(1, report.Threads);
        Assert.Equal(6f, torch.tensor(new float[] { 1, 2, 3 }).sum().item<float>());
    }

    [Fact]
    public void On_glibc_a_freed_tensor_sized_block_is_kept_in_the_heap_not_mapped_and_unmapped_each_time()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(TorchRuntime.Initialize().KeepsFreedMemory);                           // only glibc's allocator is tuned
            return;
        }
        Assert.True(TorchRuntime.Initialize().KeepsFreedMemory, "the allocator thresholds were not set (glibc refused them, or ACTIONGEN_KEEP_FREED_MEMORY is 0)");
        const int eightMegabytes = 8 << 20;                                                     // e.g. an MDN head's output for a batch of 256
        long mappedBefore = MappedBytes();
        nint block = Marshal.AllocHGlobal(eightMegabytes);                                      // malloc
        long mappedWhileHeld = MappedBytes();
        Marshal.FreeHGlobal(block);
        Assert.True(mappedWhileHeld == mappedBefore,
            $"an 8 MB block got a mapping of its own ({mappedWhileHeld - mappedBefore:N0} more mapped bytes): glibc's default threshold is in use");
    }

    /// <summary>glibc's mallinfo2().hblkhd: the bytes held in blocks that each have their own mmap.</summary>
    private static long MappedBytes() => (long)MallocInfo().MappedBytes;

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocStatistics MallocInfo();

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct MallocStatistics(
        nuint Arena, nuint OrdinaryBlocks, nuint SmallBlocks, nuint MappedBlocks, nuint MappedBytes,
        nuint UnusedMaximum, nuint FastBytes, nuint AllocatedBytes, nuint FreeBytes, nuint KeepCost);

    [Fact]
    public void LibTorchSharp_needs_libstdcxx_versions_including_3_4_32()
    {
        var needs = ElfVersionNeeds.Read(LibTorchSharp());
        Assert.Contains(needs, n => n.Library == "libstdc++.so.6" && n.Version == "GLIBCXX_3.4.32");
        Assert.Contains(needs, n => n.Library.StartsWith("libc.so", StringComparison.Ordinal));
    }

    [Fact]
    public void Marking_a_version_weak_changes_only_its_flag_and_is_idempotent()
    {
        using var temp = new TempDirectory();
        string copy = Path.Combine(temp.Path, "lib.so");
        File.Copy(LibTorchSharp(), copy);
        // Start from a copy where the need is strong again, whatever the package copy's state.
        var need = ElfVersionNeeds.Read(copy).Single(n => n.Version == "GLIBCXX_3.4.32");
        using (var file = File.Open(copy, FileMode.Open)) { file.Position = need.FlagsOffset; file.Write([0, 0]); }
        byte[] before = File.ReadAllBytes(copy);

        Assert.True(ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_3.4.32"));
        Assert.False(ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_3.4.32"));

        byte[] after = File.ReadAllBytes(copy);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal([(int)need.FlagsOffset], changed);
        Assert.True(ElfVersionNeeds.Read(copy).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
        Assert.False(ElfVersionNeeds.Read(copy).Single(n => n.Version == "GLIBCXX_3.4.30").IsWeak);
    }

    [Fact]
    public void A_file_that_is_not_elf_is_rejected_with_its_name()
    {
        using var temp = new TempDirectory();
        string path = temp.File("not-elf.so", "hello, this is text");
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));
        Assert.Contains("not-elf.so", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an ELF file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_to_weaken_a_version_the_file_does_not_need_names_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ElfVersionNeeds.MarkWeak(LibTorchSharp(), "GLIBCXX_9.9.9"));
        Assert.Contains("GLIBCXX_9.9.9", error.Message, StringComparison.Ordinal);
    }
}
