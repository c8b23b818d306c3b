using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using LiteDB;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreStepGroupTests() : StepGroupContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Fact]
    public async Task CommitAsync_SeveralSteps_StoredAsOneGroupDocument()
    {
        await Commit(("1:open_channel:1.0", _now.AddSeconds(5)), ("1:sync_card:1.1", _now), ("1:timer:1.2", _now.AddMinutes(10)));
        _store.Dispose();

        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var group = Assert.Single(db.GetCollection("outbox").FindAll());
            Assert.True(group["_id"].IsNumber);
            Assert.Equal(_now.UtcTicks, group["wake"].AsInt64);
            Assert.Equal(["1:open_channel:1.0", "1:sync_card:1.1", "1:timer:1.2"], group["steps"].AsArray.Select(s => s["key"].AsString));
            Assert.Equal(
                ["_id", "urgent", "wake"],
                db.GetCollection("$indexes").Find(Query.EQ("collection", "outbox")).Select(d => d["name"].AsString).Order(StringComparer.Ordinal));
        });
        _store = Lite.Open(DurabilityMode.Checkpoint);
        Assert.Equal(3, _store.GetSteps(OutboxStatus.Pending).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Open_FileWithOneDocumentPerStep_MigratedToGroupsAndStepsKeepTheirState(bool withWake)
    {
        // A file from before step groups: one document per step, _id = key, status and dueAt indexes, and "wake"
        // (indexed) or, older still, no "wake" at all.
        await Commit();
        _store.Dispose();
        var createdAt = _now.AddMinutes(-5).UtcTicks;
        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var outbox = db.GetCollection("outbox");
            if (!withWake)
            {
                outbox.DropIndex("wake");
            }

            outbox.EnsureIndex("status", "$.status");
            outbox.EnsureIndex("dueAt", "$.dueAt");
            outbox.Insert(OldStep("1:pending:1", 1, "Pending", _now.AddMinutes(10), attempts: 1, lastError: "ratelimited"));
            outbox.Insert(OldStep("1:flying:1", 2, "InFlight", _now.AddMinutes(-1), attempts: 1, leaseUntil: _now.AddSeconds(30)));
            outbox.Insert(OldStep("1:done:1", 3, "Done", _now.AddMinutes(-2), attempts: 1, completedAt: _now.AddMinutes(-1)));
            outbox.Insert(OldStep("1:dead:1", 4, "Dead", _now.AddMinutes(-2), attempts: 5, lastError: "gave up", completedAt: _now));
        });

        _store = Lite.Open(DurabilityMode.Checkpoint);

        var pending = Assert.Single(_store.GetSteps(OutboxStatus.Pending));
        Assert.Equal(("1:pending:1", 1, "ratelimited", _now.AddMinutes(10), Requests.T0.AddMinutes(-5)), (pending.Key, pending.Attempts, pending.LastError, pending.DueAt, pending.CreatedAt));
        var flying = Assert.Single(_store.GetSteps(OutboxStatus.InFlight));
        Assert.Equal(("1:flying:1", "old", _now.AddSeconds(30)), (flying.Key, flying.LeaseOwner, flying.LeaseUntil));
        Assert.Equal(("1:done:1", _now.AddMinutes(-1)), (Assert.Single(_store.GetSteps(OutboxStatus.Done)).Key, Assert.Single(_store.GetSteps(OutboxStatus.Done)).CompletedAt));
        Assert.Equal(("1:dead:1", "gave up", 5), (Assert.Single(_store.GetSteps(OutboxStatus.Dead)).Key, Assert.Single(_store.GetSteps(OutboxStatus.Dead)).LastError, Assert.Single(_store.GetSteps(OutboxStatus.Dead)).Attempts));
        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt());
        var recovered = Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10));
        Assert.Equal(("1:flying:1", 2), (recovered.Key, recovered.Attempts));
        await _store.CompleteStepAsync("1:flying:1", NoLinks, _now.AddSeconds(31));
        Assert.Equal(["1:done:1", "1:flying:1"], _store.GetSteps(OutboxStatus.Done).Select(s => s.Key).Order(StringComparer.Ordinal));

        // A new step due with a migrated one runs after it (orders continue above the file's).
        await Commit(("1:new:2.0", _now.AddMinutes(10)));
        Assert.Equal(["1:pending:1", "1:new:2.0"], (await _store.LeaseDueAsync("w", _now.AddMinutes(10), Lease, 10)).Select(s => s.Key));
        _store.Dispose();
        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var outbox = db.GetCollection("outbox");
            Assert.All(outbox.FindAll(), d => Assert.True(d["_id"].IsNumber && d["steps"].IsArray));
            Assert.Equal(5, outbox.Count());
            Assert.Equal(
                ["_id", "urgent", "wake"],
                db.GetCollection("$indexes").Find(Query.EQ("collection", "outbox")).Select(d => d["name"].AsString).Order(StringComparer.Ordinal));
        });
        _store = Lite.Open(DurabilityMode.Checkpoint);

        BsonDocument OldStep(string key, long order, string status, DateTimeOffset due, int attempts, string? lastError = null, DateTimeOffset? leaseUntil = null, DateTimeOffset? completedAt = null) => new()
        {
            ["_id"] = key,
            ["order"] = order,
            ["incident"] = 1,
            ["platform"] = PlatformNames.Slack,
            ["kind"] = key.Split(':')[1],
            ["payload"] = "{}",
            ["dueAt"] = due.UtcTicks,
            ["wake"] = (withWake, status) switch
            {
                (false, _) => BsonValue.Null,
                (_, "Pending") => due.UtcTicks,
                (_, "InFlight") => leaseUntil!.Value.UtcTicks,
                _ => BsonValue.Null,
            },
            ["status"] = status,
            ["attempts"] = attempts,
            ["lastError"] = lastError is null ? BsonValue.Null : lastError,
            ["leaseOwner"] = leaseUntil is null ? BsonValue.Null : "old",
            ["leaseUntil"] = leaseUntil is { } until ? until.UtcTicks : BsonValue.Null,
            ["createdAt"] = createdAt,
            ["completedAt"] = completedAt is { } at ? at.UtcTicks : BsonValue.Null,
        };
    }
}
