using ImtBot.Core.Ports;
using ImtBot.Storage.Postgres;
using ImtBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ImtBot.Storage.Tests.Postgres;

/// <summary>
/// What only a store shared by several instances must guarantee: several stores (one per instance) open on one
/// database at once, the schema migrated once; numbers from the sequence; each due step leased by one of them; a late
/// settle from an expired lease refused by its fencing token; a role held by one instance at a time, taken over when its
/// holder stops renewing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSharedStoreTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly PostgresStoreFixture _db = new(server);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Open_FiveInstancesAtOnce_SchemaMigratedOnceAndEveryOneReady()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => _db.OpenPostgres())));
        try
        {
            Assert.Equal(1, stores.Count(s => s.Migrated.Count > 0));
            Assert.All(stores, s => Assert.True(s.IsReady, s.Health.Reason));
            await using var connection = new NpgsqlConnection(_db.ConnectionString);
            await connection.OpenAsync();
            await using var versions = new NpgsqlCommand("SELECT count(*) FROM imtbot_schema", connection);
            Assert.Equal((long)PostgresSchema.Latest, await versions.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public async Task ReserveIncidentNumber_ThreeInstancesAtOnce_EveryNumberOnce()
    {
        using var a = _db.OpenPostgres();
        using var b = _db.OpenPostgres();
        using var c = _db.OpenPostgres();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => Task.Run(() => new[] { a, b, c }[i % 3].ReserveIncidentNumber())));

        Assert.Equal(Enumerable.Range(1, 90), numbers.Order());
    }

    [Fact]
    public async Task LeaseDueAsync_ThreeInstancesAtOnce_EachStepLeasedByOneOnly()
    {
        using var a = _db.OpenPostgres();
        using var b = _db.OpenPostgres();
        using var c = _db.OpenPostgres();
        foreach (var n in Enumerable.Range(1, 30))
        {
            await a.CommitAsync(Requests.Declare(n, steps: 3));
        }

        // Rounds of leasing from all three at once, each instance completing what it leased. An incident's later steps
        // wait while another instance holds an earlier one, so a round may lease fewer than are due; none is leased twice.
        var leased = new List<string>();
        for (var pass = 0; pass < 10 && leased.Count < 90; pass++)
        {
            var rounds = await Task.WhenAll(new[] { a, b, c }.SelectMany((store, i) => Enumerable.Range(0, 4)
                .Select(async _ => (Store: store, Steps: await store.LeaseDueAsync($"instance-{i}", Requests.T0, Lease, 10)))));
            foreach (var (store, steps) in rounds)
            {
                foreach (var step in steps)
                {
                    leased.Add(step.Key);
                    await store.CompleteStepAsync(step.Key, new Dictionary<string, string>(), Requests.T0);
                }
            }
        }

        Assert.Equal(90, leased.Count);
        Assert.Equal(90, leased.Distinct().Count());
    }

    [Fact]
    public async Task LeaseDueAsync_ThreeInstancesAtOnce_NoneTakesAStepAheadOfAnEarlierOneAnotherJustLeased()
    {
        using var a = _db.OpenPostgres();
        using var b = _db.OpenPostgres();
        using var c = _db.OpenPostgres();

        // Leases racing for the same incidents: one that takes an incident's first step must not leave its later steps
        // to another, which would run them before the first (a post to a channel not opened yet). Each pass adds incidents
        // to those left over.
        var done = new HashSet<string>();
        for (var pass = 0; pass < 5; pass++)
        {
            var numbers = Enumerable.Range(pass * 20 + 1, 20).ToList();
            foreach (var n in numbers)
            {
                await a.CommitAsync(Requests.Declare(n, steps: 3));
            }

            var rounds = await Task.WhenAll(new[] { a, b, c }.SelectMany((store, i) => Enumerable.Range(0, 4)
                .Select(async j => (Owner: $"instance-{i}-{j}", Steps: await store.LeaseDueAsync($"instance-{i}-{j}", Requests.T0, Lease, 2)))));
            var owners = rounds.SelectMany(r => r.Steps.Select(s => (s.Key, r.Owner))).ToDictionary(x => x.Key, x => x.Owner);
            foreach (var (key, owner) in owners)
            {
                var parts = key.Split(':');
                foreach (var earlier in Enumerable.Range(1, int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) - 1).Select(i => $"{parts[0]}:post_card:{i}"))
                {
                    var holder = owners.GetValueOrDefault(earlier);
                    Assert.True(done.Contains(earlier) || holder == owner, $"{key} was leased by {owner} while {earlier} was {(holder is null ? "not leased" : "leased by " + holder)}");
                }
            }

            foreach (var (key, _) in owners)
            {
                await a.CompleteStepAsync(key, new Dictionary<string, string>(), Requests.T0);
                done.Add(key);
            }
        }
    }

    [Fact]
    public async Task CompleteStepAsync_LeaseExpiredAndTakenByAnother_LateCompletionRefusedAndChangesNothing()
    {
        using var dying = _db.OpenPostgres();
        using var survivor = _db.OpenPostgres();
        await dying.CommitAsync(Requests.Declare(1));
        var step = Assert.Single(await dying.LeaseDueAsync("dying", Requests.T0, Lease, 10));

        Assert.Empty(await survivor.LeaseDueAsync("survivor", Requests.T0.AddMinutes(1), Lease, 10));
        var retaken = Assert.Single(await survivor.LeaseDueAsync("survivor", Requests.T0 + Lease, Lease, 10));
        var refused = await Assert.ThrowsAsync<LeaseLostException>(() => dying.CompleteStepAsync(step.Key, new Dictionary<string, string> { ["console:channel"] = "stale" }, Requests.T0 + Lease));
        await survivor.CompleteStepAsync(retaken.Key, new Dictionary<string, string> { ["console:channel"] = "inc-1" }, Requests.T0 + Lease);

        Assert.Equal(step.Key, retaken.Key);
        Assert.Contains("survivor", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.CurrentFence > refused.Fence);
        var done = Assert.Single(survivor.GetSteps(OutboxStatus.Done));
        Assert.Equal(2, done.Attempts);
        Assert.Equal("inc-1", survivor.GetLinks(1)["console:channel"]);
    }

    [Fact]
    public async Task NoteStepAsync_LeaseExpiredAndTakenByAnother_RefusedAndNothingNoted()
    {
        using var dying = _db.OpenPostgres();
        using var survivor = _db.OpenPostgres();
        await dying.CommitAsync(Requests.Declare(1));
        var step = Assert.Single(await dying.LeaseDueAsync("dying", Requests.T0, Lease, 10));
        Assert.Single(await survivor.LeaseDueAsync("survivor", Requests.T0 + Lease, Lease, 10));

        // The holder that lost its lease is told before it posts anything, so it does not post beside the new holder.
        await Assert.ThrowsAsync<LeaseLostException>(() => dying.NoteStepAsync(step.Key, new Dictionary<string, string> { ["slack:posting:x"] = "1" }));

        Assert.False(survivor.GetLinks(1).ContainsKey("slack:posting:x"));
        Assert.Equal("survivor", Assert.Single(survivor.GetSteps(OutboxStatus.InFlight)).LeaseOwner);
    }

    [Fact]
    public async Task RetryStepAsync_LeaseExpiredAndTakenByAnother_LateRetryRefused()
    {
        using var dying = _db.OpenPostgres();
        using var survivor = _db.OpenPostgres();
        await dying.CommitAsync(Requests.Declare(1));
        var step = Assert.Single(await dying.LeaseDueAsync("dying", Requests.T0, Lease, 10));
        Assert.Single(await survivor.LeaseDueAsync("survivor", Requests.T0 + Lease, Lease, 10));

        await Assert.ThrowsAsync<LeaseLostException>(() => dying.RetryStepAsync(step.Key, "late", Requests.T0 + Lease));

        var inFlight = Assert.Single(survivor.GetSteps(OutboxStatus.InFlight));
        Assert.Equal("survivor", inFlight.LeaseOwner);
    }

    [Fact]
    public async Task CommitAsync_SameIncidentFromTwoInstances_OneCommitsTheOtherConflicts()
    {
        using var a = _db.OpenPostgres();
        using var b = _db.OpenPostgres();
        var declare = Requests.Declare(1);
        await a.CommitAsync(declare);

        var results = await Task.WhenAll(
            Task.Run(() => a.CommitAsync(Requests.Note(declare.Snapshot!, "from a", "a-1"))),
            Task.Run(() => b.CommitAsync(Requests.Note(declare.Snapshot!, "from b", "b-1"))));

        Assert.Single(results, r => r.Status == CommitStatus.Committed);
        Assert.Single(results, r => r.Status == CommitStatus.Conflict);
        Assert.True(b.Verify(1).Valid);
        Assert.Equal(2, b.FindIncident(1)!.Version);
    }

    [Fact]
    public async Task CommitAsync_SameInboxKeyOnTwoInstances_OneCommitsTheOtherIsADuplicate()
    {
        using var a = _db.OpenPostgres();
        using var b = _db.OpenPostgres();

        var results = await Task.WhenAll(
            Task.Run(() => a.CommitAsync(Requests.Declare(1, "slack:Ev42"))),
            Task.Run(() => b.CommitAsync(Requests.Declare(2, "slack:Ev42"))));

        Assert.Single(results, r => r.Status == CommitStatus.Committed);
        Assert.Single(results, r => r.Status == CommitStatus.Duplicate);
        Assert.Single(a.ListIncidents(openOnly: false));
    }

    [Fact]
    public async Task AcquireAsync_HolderStopsRenewing_AnotherTakesTheRoleAfterTheLeaseAndTheHolderLearnsItLostIt()
    {
        var clock = new FakeTimeProvider(Requests.T0);
        var holderStore = _db.OpenPostgres(time: clock);
        using var otherStore = _db.OpenPostgres(time: clock);
        var lease = TimeSpan.FromSeconds(15);
        var holder = new PostgresLeaderElection(holderStore, clock, lease, "holder");
        var other = new PostgresLeaderElection(otherStore, clock, lease, "other");

        var held = await holder.AcquireAsync("slack-socket-mode", CancellationToken.None);
        var waiting = other.AcquireAsync("slack-socket-mode", CancellationToken.None);
        await AdvanceAsync(clock, TimeSpan.FromSeconds(12), () => false);
        Assert.False(waiting.IsCompleted); // renewed: still the holder's

        // The holder's instance dies: nothing renews its lease any more.
        holderStore.Dispose();
        await AdvanceAsync(clock, lease + TimeSpan.FromSeconds(6), () => waiting.IsCompleted);
        await using var taken = await waiting;

        Assert.True(held.Lost.IsCancellationRequested);
        Assert.True(taken.Term > held.Term);
        Assert.False(taken.Lost.IsCancellationRequested);
        await held.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_HolderHandsTheRoleBack_TheOtherTakesItWithoutWaitingOutTheLease()
    {
        var clock = new FakeTimeProvider(Requests.T0);
        using var store = _db.OpenPostgres(time: clock);
        var a = new PostgresLeaderElection(store, clock, TimeSpan.FromSeconds(15), "a");
        var b = new PostgresLeaderElection(store, clock, TimeSpan.FromSeconds(15), "b");
        var first = await a.AcquireAsync("role", CancellationToken.None);
        var waiting = b.AcquireAsync("role", CancellationToken.None);

        await first.DisposeAsync();
        await AdvanceAsync(clock, TimeSpan.FromSeconds(5), () => waiting.IsCompleted);

        await using var second = await waiting;
        Assert.True(second.Term > first.Term);
    }

    /// <summary>Moves the fake clock a second at a time (letting the timers' continuations run) until done or the total is reached.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan total, Func<bool> done)
    {
        for (var moved = TimeSpan.Zero; moved < total && !done(); moved += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        // Let a database call started by the last step finish.
        for (var i = 0; i < 100 && !done(); i++)
        {
            await Task.Delay(20);
        }
    }
}
