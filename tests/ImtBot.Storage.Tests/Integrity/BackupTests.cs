using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Integrity;

public sealed class BackupTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    private string BackupPath => Path.Combine(_temp.Folder, "backups", "imtbot-backup.db");

    [Fact]
    public async Task BackupAsync_AfterCommits_CopyVerifiedWithMatchingCounts()
    {
        using var store = _temp.Open();
        for (var n = 1; n <= 3; n++)
        {
            var declare = Requests.Declare(n);
            await store.CommitAsync(declare);
            await store.CommitAsync(Requests.Note(declare.Snapshot!, "n"));
        }

        var report = await store.BackupAsync(BackupPath);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(3, report.IncidentsVerified);
        Assert.Equal(3, report.Counts["incidents"]);
        Assert.Equal(6, report.Counts["events"]);
        Assert.Equal(6, report.Counts["inbox"]);
        Assert.True(report.Bytes > 0);
        Assert.True(LiteIncidentStore.VerifyFile(BackupPath).Valid);
    }

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task BackupAsync_UnderConcurrentCommits_CopyIsConsistent(DurabilityMode durability)
    {
        // docs/reliability.md §Backup and verify: the writer pauses for the copy, so the copy matches the store at that instant.
        using var store = _temp.Open(durability);
        var commits = Enumerable.Range(1, 100).Select(n => store.CommitAsync(Requests.Declare(n))).ToList();

        var report = await store.BackupAsync(BackupPath);
        await Task.WhenAll(commits);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(report.Counts["incidents"], report.Counts["events"]);
        Assert.Equal(report.Counts["incidents"], report.IncidentsVerified);
    }

    [Fact]
    public async Task VerifyFile_TamperedBackup_ReportsTheIncidentAndSequence()
    {
        using (var store = _temp.Open())
        {
            var declare = Requests.Declare(1);
            await store.CommitAsync(declare);
            await store.CommitAsync(Requests.Note(declare.Snapshot!, "original"));
            Assert.True((await store.BackupAsync(BackupPath)).Valid);
        }

        RawDatabase.SetEventField(BackupPath, 1, 2, "data", EventChain.SerializeData(new NoteAdded("forged")));
        var report = LiteIncidentStore.VerifyFile(BackupPath);

        Assert.False(report.Valid);
        Assert.Contains(report.Problems, p => p.Contains("INC-1") && p.Contains("sequence 2"));
    }

    [Fact]
    public async Task BackupAsync_OntoTheDatabaseItself_Refused()
    {
        using var store = _temp.Open();

        await Assert.ThrowsAsync<ArgumentException>(() => store.BackupAsync(_temp.DbPath));
    }

    [Fact]
    public void VerifyFile_Missing_ReportsIt()
    {
        var report = LiteIncidentStore.VerifyFile(Path.Combine(_temp.Folder, "none.db"));

        Assert.False(report.Valid);
        Assert.Contains("no file", report.Problems[0]);
    }

    [Fact]
    public async Task BackupAsync_StoreKeepsWorkingAfterwards()
    {
        using var store = _temp.Open();
        await store.BackupAsync(BackupPath);

        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(Requests.Declare(1))).Status);
        Assert.True(store.IsReady);
    }
}
