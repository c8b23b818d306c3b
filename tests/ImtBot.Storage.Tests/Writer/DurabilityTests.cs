using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Writer;
using LiteDB;

namespace ImtBot.Storage.Tests.Writer;

public sealed class DurabilityTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CommitAsync_Returned_DataFileAloneHoldsTheCommitBeforeDispose()
    {
        using var store = _temp.Open(DurabilityMode.Checkpoint);

        await store.CommitAsync(Requests.Declare(1));

        Assert.True(!File.Exists(_temp.LogPath) || new FileInfo(_temp.LogPath).Length == 0, "the log should be empty after the checkpoint");
        Assert.Equal(1, IncidentsInDataFileOnly());
    }

    [Fact]
    public async Task CommitAsync_CheckpointOff_DataFileAloneDoesNotHoldItYet()
    {
        // The control for the test above: without checkpoint-before-ack the commit lives only in the (unsynced) log.
        using var store = _temp.Open(DurabilityMode.None);

        await store.CommitAsync(Requests.Declare(1));

        Assert.True(new FileInfo(_temp.LogPath).Length > 0);
        Assert.Equal(0, IncidentsInDataFileOnly());
    }

    [Fact]
    public async Task CommitAsync_SyncLog_AckedCommitIsInTheLogTheOsHolds()
    {
        // SyncLog acknowledges after fsyncing x-log.db through a handle of ours; that only covers what LiteDB already
        // handed to the OS. Copying both files right after the ack (reads go through the OS) must find the commit.
        using var store = _temp.Open(DurabilityMode.SyncLog);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(n => store.CommitAsync(Requests.Declare(n))));

        Assert.All(results, r => Assert.Equal(CommitStatus.Committed, r.Status));
        Assert.True(new FileInfo(_temp.LogPath).Length > 0, "SyncLog leaves the commits in the log");
        Assert.Equal(50, IncidentsInCopy(withLog: true));
    }

    [Fact]
    public async Task CommitAsync_SyncLog_SurvivesReopenAndVerifies()
    {
        var declare = Requests.Declare(1);
        using (var store = _temp.Open(DurabilityMode.SyncLog))
        {
            await store.CommitAsync(declare);
            await store.CommitAsync(Requests.Note(declare.Snapshot!, "synced"));
        }

        using var reopened = _temp.Open(DurabilityMode.SyncLog);

        Assert.True(reopened.Verify(1).Valid);
        Assert.Equal(2, reopened.FindIncident(1)!.Version);
    }

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task CommitAsync_IoFault_NotReadyFailsCommitThenRecreatesDatabase(DurabilityMode durability)
    {
        using var store = _temp.Open(durability);
        await store.CommitAsync(Requests.Declare(1));
        store.FaultHook = (p, r) =>
        {
            if (p == FaultPoint.AfterEvents && r?.Incident == 2)
            {
                throw new IOException("No space left on device");
            }
        };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CommitAsync(Requests.Declare(2)));

        Assert.Contains("No space left on device", error.Message);
        Assert.False(store.IsReady);
        Assert.Contains("No space left on device", store.Health.Reason);
        Assert.Throws<StorageUnavailableException>(() => store.FindIncident(1));

        store.FaultHook = null;
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(Requests.Declare(3))).Status);
        Assert.True(store.IsReady, store.Health.Reason);
        Assert.NotNull(store.FindIncident(1));
        Assert.Null(store.FindIncident(2));
        Assert.True(store.Verify(3).Valid);
    }

    [Fact]
    public async Task ProbeAsync_AfterIoFault_ReopensAndReportsReady()
    {
        using var store = _temp.Open();
        store.FaultHook = (p, _) =>
        {
            if (p == FaultPoint.BeforeCommit)
            {
                throw new IOException("disk full");
            }
        };
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SetSettingAsync("k", "v"));
        Assert.False(store.IsReady);
        store.FaultHook = null;

        var health = await store.ProbeAsync();

        Assert.True(health.Ready, health.Reason);
        Assert.Null(store.GetSetting("k"));
    }

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task ProbeAsync_WritesStillFailing_StaysNotReadyUntilAWriteSucceeds(DurabilityMode durability)
    {
        using var store = _temp.Open(durability);
        store.FaultHook = (p, _) =>
        {
            if (p == FaultPoint.BeforeCommit)
            {
                throw new IOException("No space left on device");
            }
        };
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CommitAsync(Requests.Declare(1)));

        var stillFull = await store.ProbeAsync();

        Assert.False(stillFull.Ready);
        Assert.Contains("No space left on device", stillFull.Reason);
        store.FaultHook = null;
        Assert.True((await store.ProbeAsync()).Ready);
        Assert.True(store.IsReady);
        Assert.Null(store.FindIncident(1));
    }

    private int IncidentsInDataFileOnly() => IncidentsInCopy(withLog: false);

    private int IncidentsInCopy(bool withLog)
    {
        var name = "copy-" + Guid.NewGuid().ToString("N");
        var copy = Path.Combine(_temp.Folder, name + ".db");
        CopyShared(_temp.DbPath, copy);
        if (withLog)
        {
            CopyShared(_temp.LogPath, Path.Combine(_temp.Folder, name + "-log.db"));
        }

        using var db = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
        return db.CollectionExists("incidents") ? db.GetCollection("incidents").Count() : 0;
    }

    private static void CopyShared(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = File.Create(to);
        source.CopyTo(target);
    }
}
