using System.Globalization;
using System.Text;

namespace ImtBot.Storage.Locking;

/// <summary>
/// An exclusive lock file beside the database (<c>&lt;db&gt;.lock</c>, opened with <see cref="FileShare.None"/>, which is
/// an exclusive <c>flock</c> on Linux and a sharing lock on Windows), so a second process on the same path refuses to
/// start. LiteDB's own direct mode does not stop a second writer on Linux. The holder's pid is written to the lock
/// file and, because the locked file cannot be read by another process, to <c>&lt;db&gt;.lock.pid</c> too.
/// The operating system releases the lock when the process dies, so a crash never leaves it stuck.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static DatabaseLock Acquire(string databasePath)
    {
        var lockPath = System.IO.Path.GetFullPath(databasePath) + ".lock";
        var pidPath = lockPath + ".pid";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException e)
        {
            throw new DatabaseLockedException(lockPath, ReadPid(pidPath), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatabaseLockedException(lockPath, ReadPid(pidPath), e);
        }

        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.ASCII.GetBytes(pid + "\n");
        stream.SetLength(0);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        File.WriteAllText(pidPath, pid + "\n");
        return new DatabaseLock(stream, lockPath);
    }

    public void Dispose() => _stream.Dispose();

    private static int? ReadPid(string pidPath)
    {
        try
        {
            var text = File.ReadAllText(pidPath).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
