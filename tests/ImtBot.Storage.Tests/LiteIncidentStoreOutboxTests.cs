using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreOutboxTests() : OutboxContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Fact]
    public async Task Open_FileFromBeforeTheWakeIndex_PendingAndInFlightStepsStillRun()
    {
        // A file written by an earlier version: steps without "wake", indexed by status and dueAt. After open only
        // the key, wake and urgent indexes remain.
        await CommitWithSteps(("1:a:1", _now), ("1:b:1", _now.AddMinutes(10)), ("1:c:1", _now));
        await _store.LeaseDueAsync("crashed", _now, Lease, 1);
        await _store.CompleteStepAsync("1:c:1", new Dictionary<string, string>(), _now);
        _store.Dispose();
        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var outbox = db.GetCollection("outbox");
            outbox.DropIndex("wake");
            foreach (var d in outbox.FindAll().ToList())
            {
                d.Remove("wake");
                outbox.Update(d);
            }

            outbox.EnsureIndex("dueAt", "$.dueAt");
            outbox.EnsureIndex("status", "$.status");
        });

        using var reopened = Lite.Open(DurabilityMode.Checkpoint);

        Assert.Equal(_now + Lease, reopened.NextDueAt());
        Assert.Empty(await reopened.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10));
        Assert.Equal(["1:a:1"], (await reopened.LeaseDueAsync("w", _now + Lease, TimeSpan.FromHours(1), 10)).Select(s => s.Key));
        Assert.Equal(["1:b:1"], (await reopened.LeaseDueAsync("w", _now.AddMinutes(10), Lease, 10)).Select(s => s.Key));
        reopened.Dispose();
        RawDatabase.Edit(Lite.DbPath, db => Assert.Equal(
            ["_id", "urgent", "wake"],
            db.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "outbox")).Select(d => d["name"].AsString).Order(StringComparer.Ordinal)));
    }
}
