using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Integrity;

public sealed class TamperTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Verify_EventDataChangedInTheFile_NamesThatSequence()
    {
        await WriteIncidentWithNotes(1, 4);
        RawDatabase.SetEventField(_temp.DbPath, 1, 3, "data", EventChain.SerializeData(new NoteAdded("nothing happened here")));

        using var store = _temp.Open();
        var result = store.Verify(1);

        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAt);
    }

    [Fact]
    public async Task Open_TailOfAnOpenIncidentTampered_NotReadyNamingIncidentAndSequence()
    {
        await WriteIncidentWithNotes(1, 4);
        await WriteIncidentWithNotes(2, 1);
        RawDatabase.SetEventField(_temp.DbPath, 1, 4, "data", EventChain.SerializeData(new NoteAdded("rewritten")));

        using var store = _temp.Open();

        Assert.False(store.IsReady);
        Assert.Contains("INC-1", store.Health.Reason);
        Assert.Contains("sequence 4", store.Health.Reason);
        Assert.DoesNotContain("INC-2", store.Health.Reason);
        Assert.True(store.Verify(2).Valid);
    }

    [Fact]
    public async Task Verify_UnreadableEventData_NamesThatSequence()
    {
        await WriteIncidentWithNotes(1, 3);
        RawDatabase.SetEventField(_temp.DbPath, 1, 2, "data", "{not json");

        using var store = _temp.Open();
        var result = store.Verify(1);

        Assert.False(result.Valid);
        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("cannot be read", result.Problem);
    }

    [Fact]
    public async Task Verify_LastEventDeleted_ReportsTheLogEndsEarly()
    {
        await WriteIncidentWithNotes(1, 3);
        RawDatabase.Edit(_temp.DbPath, db => db.GetCollection("events").DeleteMany(LiteDB.Query.EQ("seq", 4L)));

        using var store = _temp.Open();
        var result = store.Verify(1);

        Assert.False(result.Valid);
        Assert.Equal(4, result.BrokenAt);
        Assert.False(store.IsReady);
    }

    [Fact]
    public async Task Verify_Untouched_Valid()
    {
        await WriteIncidentWithNotes(1, 5);

        using var store = _temp.Open();

        Assert.True(store.IsReady, store.Health.Reason);
        Assert.Equal(new ChainVerification(true, 6, store.FindIncident(1)!.Head, null, null), store.Verify(1));
    }

    private async Task WriteIncidentWithNotes(int number, int notes)
    {
        using var store = _temp.Open();
        var declare = Requests.Declare(number);
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(declare)).Status);
        var snapshot = declare.Snapshot!;
        for (var i = 0; i < notes; i++)
        {
            var note = Requests.Note(snapshot, $"note {i}");
            await store.CommitAsync(note);
            snapshot = note.Snapshot!;
        }
    }
}
