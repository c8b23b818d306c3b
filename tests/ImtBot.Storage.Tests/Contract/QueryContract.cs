using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Storage.Integrity;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class QueryContract : IDisposable
{
    private protected readonly StoreFixture _temp;

    protected QueryContract(StoreFixture temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ListIncidents_OpenOnly_LeavesOutClosedAndCancelled()
    {
        using var store = _temp.Open();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await store.CommitAsync(Requests.Declare(n));
        }

        await store.CommitAsync(Requests.Append(store.FindIncident(2)!, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Cancelled, "false alarm"), "c2", IncidentStatus.Cancelled));

        Assert.Equal([1, 3], store.ListIncidents(openOnly: true).Select(s => s.Number));
        Assert.Equal([1, 2, 3], store.ListIncidents(openOnly: false).Select(s => s.Number));
    }

    [Fact]
    public async Task ListIncidents_TimeRange_IncludesFromExcludesTo()
    {
        using var store = _temp.Open();
        await store.CommitAsync(Requests.Declare(1, at: Requests.T0));
        await store.CommitAsync(Requests.Declare(2, at: Requests.T0.AddHours(1)));
        await store.CommitAsync(Requests.Declare(3, at: Requests.T0.AddHours(2)));

        var found = store.ListIncidents(Requests.T0, Requests.T0.AddHours(2));

        Assert.Equal([1, 2], found.Select(s => s.Number));
    }

    [Fact]
    public async Task NextIncidentNumber_AfterDeclarations_MaxPlusOne()
    {
        using var store = _temp.Open();
        Assert.Equal(1, store.NextIncidentNumber());

        await store.CommitAsync(Requests.Declare(1));
        await store.CommitAsync(Requests.Declare(12));

        Assert.Equal(13, store.NextIncidentNumber());
    }

    [Fact]
    public async Task ListAlertPages_StreamsBelowZero_ListedAsPagesNeverAsIncidents()
    {
        // An alert page AP-3 is stream -3 in the same log: it never shows as an incident or moves incident numbers.
        using var store = _temp.Open();
        await store.CommitAsync(Requests.Declare(-3));
        Assert.Equal(1, store.NextIncidentNumber());

        await store.CommitAsync(Requests.Declare(1));
        await store.CommitAsync(Requests.Declare(-1));

        Assert.Equal([1, 3], store.ListAlertPages());
        Assert.Equal([1], store.ListIncidents(openOnly: false).Select(s => s.Number));
        Assert.Equal([1], store.ListIncidents(openOnly: true).Select(s => s.Number));
        Assert.Equal([1], store.ListIncidents(Requests.T0, Requests.T0.AddHours(1)).Select(s => s.Number));
        Assert.Equal(-3, Assert.Single(store.GetEvents(-3)).Incident);
        Assert.Equal(2, store.NextIncidentNumber());
    }

    [Fact]
    public async Task GetEventsAfter_Sequence_OnlyTheLaterEventsInOrder()
    {
        using var store = _temp.Open();
        await store.CommitAsync(Requests.Declare(1));
        await store.CommitAsync(Requests.Note(store.FindIncident(1)!, "a"));
        await store.CommitAsync(Requests.Note(store.FindIncident(1)!, "b"));

        Assert.Equal([2L, 3L], store.GetEventsAfter(1, 1).Select(e => e.Sequence));
        Assert.Empty(store.GetEventsAfter(1, 3));
        Assert.Equal([1L, 2L, 3L], store.GetEventsAfter(1, 0).Select(e => e.Sequence));
    }

    [Fact]
    public async Task GetEvents_ManyEvents_InSequenceOrder()
    {
        using var store = _temp.Open();
        var current = Requests.Declare(1);
        await store.CommitAsync(current);
        var snapshot = current.Snapshot!;
        for (var i = 0; i < 12; i++)
        {
            var note = Requests.Note(snapshot, $"note {i}");
            await store.CommitAsync(note);
            snapshot = note.Snapshot!;
        }

        var events = store.GetEvents(1);

        Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.True(ChainVerifier.Verify(events).Valid);
        Assert.Empty(store.GetEvents(2));
    }

    [Fact]
    public async Task ListIncidents_TimeRangeEdges_OneTickBeforeToIsInAndAnEmptyRangeHasNothing()
    {
        using var store = _temp.Open();
        await store.CommitAsync(Requests.Declare(1, at: Requests.T0.AddTicks(-1)));
        await store.CommitAsync(Requests.Declare(2, at: Requests.T0));
        await store.CommitAsync(Requests.Declare(3, at: Requests.T0.AddHours(1).AddTicks(-1)));
        await store.CommitAsync(Requests.Declare(4, at: Requests.T0.AddHours(1)));

        Assert.Equal([2, 3], store.ListIncidents(Requests.T0, Requests.T0.AddHours(1)).Select(s => s.Number));
        Assert.Empty(store.ListIncidents(Requests.T0, Requests.T0));
        Assert.Empty(store.ListIncidents(Requests.T0.AddHours(1), Requests.T0));
    }

    [Fact]
    public async Task GetEvents_IncidentsWithNeighbouringNumbers_OnlyThatIncidentsEvents()
    {
        using var store = _temp.Open();
        foreach (var n in new[] { 1, 10, 11, 100 })
        {
            await store.CommitAsync(Requests.Declare(n));
        }

        await store.CommitAsync(Requests.Note(store.FindIncident(10)!, "ten"));

        Assert.Equal([(10, 1L), (10, 2L)], store.GetEvents(10).Select(e => (e.Incident, e.Sequence)));
        Assert.Equal([(1, 1L)], store.GetEvents(1).Select(e => (e.Incident, e.Sequence)));
    }
}
