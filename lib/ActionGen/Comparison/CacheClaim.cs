namespace ActionGen.Comparison;

/// <summary>
/// An exclusive claim on one cache entry, shared by every process on the machine: the first run to ask measures (or
/// trains) the entry, and any other run that asks for it meanwhile waits, then reads what the first one wrote, instead
/// of doing the same work twice or writing over it. The claim is an OS file lock on a <c>.lock</c> file in a
/// <c>locks</c> folder beside the entry, so it ends with its process, however that process ends: a crashed run leaves
/// nothing to clean up. (Lock files stay: deleting one while another run waits on it would let two runs hold it.)
/// </summary>
internal sealed class CacheClaim : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly FileStream lockFile;

    private CacheClaim(FileStream lockFile) => this.lockFile = lockFile;

    /// <summary>The lock file that stands for <paramref name="entryPath"/>.</summary>
    public static string LockPath(string entryPath)
    {
        string fullPath = Path.GetFullPath(entryPath);
        return Path.Combine(Path.GetDirectoryName(fullPath)!, "locks", Path.GetFileName(fullPath) + ".lock");
    }

    /// <summary>Claims <paramref name="entryPath"/>, waiting while another process holds it (up to <paramref name="timeout"/>).</summary>
    /// <exception cref="TimeoutException">Another process held the entry for longer than <paramref name="timeout"/>; the message names its lock file.</exception>
    public static CacheClaim Acquire(string entryPath, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryAcquire(entryPath) is CacheClaim claim) return claim;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Another run kept the comparison cache entry {entryPath} for over {timeout.TotalMinutes:F0} minutes (lock: {LockPath(entryPath)}).");
            Thread.Sleep(Poll);                                                                 // another run is measuring this entry
        }
    }

    /// <summary>Claims <paramref name="entryPath"/> if no other run holds it; null, at once, if one does.</summary>
    public static CacheClaim? TryAcquire(string entryPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryPath);
        string lockPath = LockPath(entryPath);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        try
        {
            // FileShare.None takes an advisory lock (flock on Unix, a share lock on Windows) that the OS drops with the process.
            return new CacheClaim(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;                                                                        // another run holds it
        }
    }

    /// <inheritdoc />
    public void Dispose() => lockFile.Dispose();
}
