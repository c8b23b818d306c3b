using ImtBot.Storage.Locking;
using ImtBot.Storage.Writer;

namespace ImtBot.Storage;

/// <summary>The files of one database, for the <c>reset</c> verb: deleted only while this process holds the database's lock.</summary>
public static class DatabaseFiles
{
    /// <summary>
    /// Deletes the database and LiteDB's log beside it, holding the lock file meanwhile, so a running bot (which holds
    /// it) is never pulled from under. Returns the files deleted.
    /// </summary>
    /// <exception cref="DatabaseLockedException">Another process holds the database.</exception>
    public static IReadOnlyList<string> Delete(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Path);
        if (!File.Exists(path))
        {
            return [];
        }

        using var held = DatabaseLock.Acquire(path);
        var deleted = new List<string>();
        foreach (var file in new[] { path, LogSyncer.LogPathOf(path) }.Where(File.Exists))
        {
            File.Delete(file);
            deleted.Add(file);
        }

        return deleted;
    }
}
