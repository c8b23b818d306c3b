namespace ImtBot.Storage;

/// <summary>
/// The free space on the disk holding the database, against <see cref="StorageOptions.MinFreeBytes"/>. One
/// <c>statvfs</c> per call: microseconds, next to a commit's fsync.
/// </summary>
internal sealed class FreeSpace(string folder, long minFreeBytes)
{
    /// <summary>Why there is too little space, or null when there is enough (or the check is off or cannot be made).</summary>
    public string? Shortage()
    {
        if (minFreeBytes == 0)
        {
            return null;
        }

        long free;
        try
        {
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No answer is no reason to refuse: a write that truly fails is reported by the writer.
            return null;
        }

        return free < minFreeBytes
            ? $"the disk holding the database has {free / (1024 * 1024)} MiB free, less than Storage:MinFreeBytes ({minFreeBytes / (1024 * 1024)} MiB); free some space"
            : null;
    }
}
