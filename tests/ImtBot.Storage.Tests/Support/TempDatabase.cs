using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Storage.Tests.Support;

/// <summary>A database path in a fresh temp folder (deleted afterwards), and stores opened on it with a fake clock.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "imtbot-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "data", "imtbot.db");
    }

    public string Folder { get; }

    public string DbPath { get; }

    public string LogPath => Path.Combine(Path.GetDirectoryName(DbPath)!, "imtbot-log.db");

    public FakeTimeProvider Time { get; } = new(Requests.T0);

    public LiteIncidentStore Open(DurabilityMode durability = DurabilityMode.Checkpoint) =>
        new(new StorageOptions { Path = DbPath, Durability = durability }, Time);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be closing its handle; the temp folder is cleaned by the OS.
        }
    }
}
