namespace ImtBot.Storage;

/// <summary>Another process holds the database's lock file: this process must not open it (exit non-zero).</summary>
public sealed class DatabaseLockedException : Exception
{
    public DatabaseLockedException(string lockPath, int? holderPid, Exception? inner = null)
        : base(Describe(lockPath, holderPid), inner)
    {
        LockPath = lockPath;
        HolderPid = holderPid;
    }

    public string LockPath { get; }

    public int? HolderPid { get; }

    private static string Describe(string lockPath, int? holderPid) =>
        $"The database is in use by another process (pid {(holderPid is { } pid ? pid.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}): "
        + $"its lock file '{lockPath}' is held. Stop that process, or point Storage:Path at another file.";
}
