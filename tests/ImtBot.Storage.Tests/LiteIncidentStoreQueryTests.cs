using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Storage.Integrity;
using ImtBot.Storage.Tests.Support;
using LiteDB;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreQueryTests : IDisposable
{
    private readonly TempDatabase _temp = new();

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

    // An incident's events, and the incidents declared in a window, must each be one range of one index: LiteDB
    // serves "GTE AND LTE" from one bound and filters every document past it, which made reading an early incident
    // of a 330,000-event file take 1.3 s instead of 3 ms.
    [Fact]
    public void EventRange_QueryPlan_OneIndexRangeAndNoFilter()
    {
        using var db = new LiteDatabase(":memory:");
        var events = db.GetCollection("events");
        events.Insert(new BsonDocument { ["_id"] = "x" });

        var plan = events.Query().Where(ChainAudit.EventRange(7, 1, long.MaxValue)).GetPlan();

        AssertOneRange(plan, "_id");
    }

    [Fact]
    public void DeclaredBetween_QueryPlan_OneIndexRangeAndNoFilter()
    {
        using var db = new LiteDatabase(":memory:");
        var incidents = db.GetCollection("incidents");
        incidents.EnsureIndex("declaredAt", "$.declaredAt");

        var plan = incidents.Query().Where(LiteIncidentStore.DeclaredBetween(Requests.T0, Requests.T0.AddDays(1))).GetPlan();

        AssertOneRange(plan, "declaredAt");
    }

    [Fact]
    public void OpenIncidents_QueryPlan_OneIndexRangeAndNoFilter()
    {
        using var db = new LiteDatabase(":memory:");
        var incidents = db.GetCollection("incidents");
        incidents.EnsureIndex("live", "$.live");

        var plan = incidents.Query().Where(Documents.SnapshotDocument.OpenIncidents).GetPlan();

        AssertOneRange(plan, "live");
    }

    [Fact]
    public async Task Open_FileFromBeforeTheLiveIndex_OpenIncidentsStillListedAndTheFlagIndexDropped()
    {
        using (var store = _temp.Open())
        {
            foreach (var n in new[] { 1, 2, 3 })
            {
                await store.CommitAsync(Requests.Declare(n));
            }

            await store.CommitAsync(Requests.Append(store.FindIncident(2)!, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Cancelled, "false alarm"), "c2", IncidentStatus.Cancelled));
        }

        // The earlier layout: the open flag indexed, no live field.
        RawDatabase.Edit(_temp.DbPath, db =>
        {
            var incidents = db.GetCollection("incidents");
            incidents.DropIndex("live");
            foreach (var d in incidents.FindAll().ToList())
            {
                d.Remove("live");
                incidents.Update(d);
            }

            incidents.EnsureIndex("open", "$.open");
        });

        using (var reopened = _temp.Open())
        {
            Assert.Equal([1, 3], reopened.ListIncidents(openOnly: true).Select(s => s.Number));
            Assert.True(reopened.IsReady, reopened.Health.Reason);
        }

        RawDatabase.Edit(_temp.DbPath, db => Assert.Equal(
            ["_id", "declaredAt", "live"],
            db.GetCollection("$indexes").Find(Query.EQ("collection", "incidents")).Select(d => d["name"].AsString).Order(StringComparer.Ordinal)));
    }

    private static void AssertOneRange(BsonDocument plan, string index)
    {
        Assert.Equal(index, plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX RANGE SCAN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.True(!plan.ContainsKey("filters") || plan["filters"].AsArray.Count == 0, plan.ToString());
    }
}
