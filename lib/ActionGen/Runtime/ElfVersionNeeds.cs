using System.Buffers.Binary;
using System.Text;

namespace ActionGen.Runtime;

/// <summary>One symbol-version requirement of an ELF shared library (an entry of <c>.gnu.version_r</c>).</summary>
/// <param name="Library">The library the version is needed from, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="IsWeak">Whether the loader tolerates its absence (<c>VER_FLG_WEAK</c>).</param>
/// <param name="FlagsOffset">File offset of the entry's <c>vna_flags</c> field.</param>
public sealed record ElfVersionNeed(string Library, string Version, bool IsWeak, long FlagsOffset);

/// <summary>
/// Reads and edits the version requirements (<c>SHT_GNU_verneed</c>) of a 64-bit little-endian ELF file.
/// </summary>
/// <remarks>
/// glibc's loader refuses a library that needs a symbol version the host does not define, unless that need is
/// marked weak. Marking a need weak changes two bytes in place; nothing else in the file moves.
/// </remarks>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Lists every version requirement in <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file or is truncated.</exception>
    public static IReadOnlyList<ElfVersionNeed> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] elf = File.ReadAllBytes(path);
        return Parse(elf, path);
    }

    /// <summary>Marks the requirement of <paramref name="version"/> weak, in place. Returns false if it already was.</summary>
    /// <exception cref="InvalidOperationException">The file does not need <paramref name="version"/>.</exception>
    public static bool MarkWeak(string path, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var need = Read(path).FirstOrDefault(n => n.Version == version)
            ?? throw new InvalidOperationException($"{path} does not need symbol version {version}.");
        if (need.IsWeak) return false;

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        Span<byte> flags = stackalloc byte[2];
        file.Position = need.FlagsOffset;
        file.ReadExactly(flags);
        ushort value = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) | VerFlagWeak);
        BinaryPrimitives.WriteUInt16LittleEndian(flags, value);
        file.Position = need.FlagsOffset;
        file.Write(flags);
        return true;
    }

    private static List<ElfVersionNeed> Parse(byte[] elf, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file (expected the magic bytes 7F 45 4C 46).");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path}: expected a 64-bit little-endian ELF file, got class {elf[4]}, data {elf[5]}.");

        long sectionTable = ReadInt64(elf, 0x28, path);
        int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));

        var needs = new List<ElfVersionNeed>();
        for (int s = 0; s < sectionCount; s++)
        {
            long header = sectionTable + (long)s * sectionSize;
            if (ReadUInt32(elf, header + 4, path) != ShtGnuVerneed) continue;

            long offset = ReadInt64(elf, header + 24, path);
            uint stringSection = ReadUInt32(elf, header + 40, path);
            uint entryCount = ReadUInt32(elf, header + 44, path);
            long strings = ReadInt64(elf, sectionTable + (long)stringSection * sectionSize + 24, path);

            long need = offset;
            for (uint e = 0; e < entryCount; e++)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(Checked(elf, need + 2, 2, path)));
                string library = ReadString(elf, strings + ReadUInt32(elf, need + 4, path), path);
                long aux = need + ReadUInt32(elf, need + 8, path);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(Checked(elf, aux + 4, 2, path)));
                    string version = ReadString(elf, strings + ReadUInt32(elf, aux + 8, path), path);
                    needs.Add(new ElfVersionNeed(library, version, (flags & VerFlagWeak) != 0, aux + 4));
                    aux += ReadUInt32(elf, aux + 12, path);
                }
                need += ReadUInt32(elf, need + 12, path);
            }
        }
        return needs;
    }

    private static int Checked(byte[] elf, long offset, int length, string path) =>
        offset >= 0 && offset + length <= elf.Length
            ? (int)offset
            : throw new InvalidDataException($"{path}: truncated ELF file (offset {offset} past its {elf.Length} bytes).");

    private static uint ReadUInt32(byte[] elf, long offset, string path) =>
        BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(Checked(elf, offset, 4, path)));

    private static long ReadInt64(byte[] elf, long offset, string path) =>
        BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(Checked(elf, offset, 8, path)));

    private static string ReadString(byte[] elf, long offset, string path)
    {
        int start = Checked(elf, offset, 1, path);
        int end = Array.IndexOf(elf, (byte)0, start);
        if (end < 0) throw new InvalidDataException($"{path}: unterminated string at offset {offset}.");
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
