using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreCommitTests() : CommitContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task CommitAsync_HundredConcurrentResolvesAtSameVersion_ExactlyOneCommitted(DurabilityMode durability)
    {
        // Concurrent commands at storage level: every click decided on the same state; one wins, the rest must re-decide.
        using var store = Lite.Open(durability);
        var declare = Requests.Declare(1);
        await store.CommitAsync(declare);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clicks = Enumerable.Range(0, 100).Select(async i =>
        {
            await start.Task;
            var resolve = Requests.Append(declare.Snapshot!, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Resolved, $"click {i}"), $"click-{i}", IncidentStatus.Resolved);
            return await store.CommitAsync(resolve);
        }).ToList();

        start.SetResult();
        var results = await Task.WhenAll(clicks);

        Assert.Single(results, r => r.Status == CommitStatus.Committed);
        Assert.Equal(99, results.Count(r => r.Status == CommitStatus.Conflict));
        var events = store.GetEvents(1);
        Assert.Single(events, e => e.Data is StatusChanged { To: IncidentStatus.Resolved });
        Assert.Equal(2, store.FindIncident(1)!.Version);
        Assert.True(store.Verify(1).Valid);
    }

    [Theory]
    [InlineData(DurabilityMode.Checkpoint)]
    [InlineData(DurabilityMode.SyncLog)]
    public async Task CommitAsync_ManyConcurrentIncidents_AllCommittedWithIntactChains(DurabilityMode durability)
    {
        using var store = Lite.Open(durability);

        var results = await Task.WhenAll(Enumerable.Range(1, 200).Select(n => store.CommitAsync(Requests.Declare(n))));

        Assert.All(results, r => Assert.Equal(CommitStatus.Committed, r.Status));
        Assert.Equal(200, store.ListIncidents(openOnly: true).Count);
        Assert.All(Enumerable.Range(1, 200), n => Assert.True(store.Verify(n).Valid));
    }
}
