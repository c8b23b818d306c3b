using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Storage.Integrity;
using ImtBot.Storage.Tests.Support;
using LiteDB;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreQueryTests() : QueryContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    private static void AssertOneRange(BsonDocument plan, string index)
    {
        Assert.Equal(index, plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX RANGE SCAN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.True(!plan.ContainsKey("filters") || plan["filters"].AsArray.Count == 0, plan.ToString());
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
        using (var store = Lite.Open(DurabilityMode.Checkpoint))
        {
            foreach (var n in new[] { 1, 2, 3 })
            {
                await store.CommitAsync(Requests.Declare(n));
            }

            await store.CommitAsync(Requests.Append(store.FindIncident(2)!, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Cancelled, "false alarm"), "c2", IncidentStatus.Cancelled));
        }

        // The earlier layout: the open flag indexed, no live field.
        RawDatabase.Edit(Lite.DbPath, db =>
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

        using (var reopened = Lite.Open(DurabilityMode.Checkpoint))
        {
            Assert.Equal([1, 3], reopened.ListIncidents(openOnly: true).Select(s => s.Number));
            Assert.True(reopened.IsReady, reopened.Health.Reason);
        }

        RawDatabase.Edit(Lite.DbPath, db => Assert.Equal(
            ["_id", "declaredAt", "live"],
            db.GetCollection("$indexes").Find(Query.EQ("collection", "incidents")).Select(d => d["name"].AsString).Order(StringComparer.Ordinal)));
    }
}
