using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using LiteDB;

namespace ImtBot.Storage.Tests.Contract;

/// <summary>A commit's outbox steps share one group document; each step still leases and settles on its own.</summary>
/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class StepGroupContract : IDisposable
{
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private protected static readonly Dictionary<string, string> NoLinks = [];
    private protected readonly StoreFixture _temp;
    private protected readonly DateTimeOffset _now = Requests.T0;
    private protected IIncidentStore _store;
    private protected IncidentSnapshot? _incident1;

    protected StepGroupContract(StoreFixture temp)
    {
        _temp = temp;
        _store = _temp.Open();
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    /// <summary>Commits the steps (incident 1: declared by the first commit, a note for each later one).</summary>
    private protected async Task Commit(params (string Key, DateTimeOffset Due)[] steps)
    {
        var newSteps = steps.Select(s => new NewStep(s.Key, 1, PlatformNames.Slack, s.Key.Split(':')[1], "{}", s.Due)).ToList();
        var request = _incident1 is null
            ? Requests.Declare(1, steps: 0) with { Steps = newSteps }
            : Requests.Append(_incident1, new NoteAdded("more"), $"note-{_incident1.Version + 1}", steps: newSteps);
        Assert.Equal(CommitStatus.Committed, (await _store.CommitAsync(request)).Status);
        _incident1 = Requests.After(request);
    }

    [Fact]
    public async Task CommitAsync_StepsForTwoPlatformsAndIncidents_EachStepKeepsItsOwn()
    {
        var request = Requests.Declare(1, steps: 0) with
        {
            Steps = [new NewStep("1:a:1.0", 1, PlatformNames.Slack, "a", "{\"n\":1}", _now), new NewStep("2:b:1.1", 2, PlatformNames.Teams, "b", "{\"n\":2}", _now.AddSeconds(1))],
        };
        await _store.CommitAsync(request);

        var steps = await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10);

        Assert.Equal(
            [("1:a:1.0", 1, PlatformNames.Slack, "a", "{\"n\":1}", _now), ("2:b:1.1", 2, PlatformNames.Teams, "b", "{\"n\":2}", _now.AddSeconds(1))],
            steps.Select(s => (s.Key, s.Incident, s.Platform, s.Kind, s.Payload, s.DueAt)));
        await _store.CompleteStepAsync("2:b:1.1", new Dictionary<string, string> { ["teams:channel"] = "19:x" }, _now);
        Assert.Equal("19:x", _store.GetLinks(2)["teams:channel"]);
        Assert.Empty(_store.GetLinks(1));
    }

    [Fact]
    public async Task CommitAsync_TwoStepsWithTheSameKey_RejectedAndNothingCommitted()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Commit(("1:a:1.0", _now), ("1:a:1.0", _now)));

        Assert.Contains("distinct keys", error.Message);
        Assert.Null(_store.FindIncident(1));
        Assert.Empty(_store.GetSteps(OutboxStatus.Pending));
    }

    [Fact]
    public async Task LeaseDueAsync_GroupWithTimers_LeasesImmediateStepsNowAndEachTimerWhenDue()
    {
        await Commit(("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now), ("1:timer:1.2", _now.AddMinutes(5)), ("1:timer:1.3", _now.AddMinutes(10)));

        var first = await _store.LeaseDueAsync("w", _now, Lease, 10);
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now);
        await _store.CompleteStepAsync("1:sync_card:1.1", NoLinks, _now);

        Assert.Equal(["1:open_channel:1.0", "1:sync_card:1.1"], first.Select(s => s.Key));
        Assert.Equal(_now.AddMinutes(5), _store.NextDueAt());
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddMinutes(4), Lease, 10));
        Assert.Equal(["1:timer:1.2"], (await _store.LeaseDueAsync("w", _now.AddMinutes(5), Lease, 10)).Select(s => s.Key));
        await _store.CompleteStepAsync("1:timer:1.2", NoLinks, _now.AddMinutes(5));
        Assert.Equal(_now.AddMinutes(10), _store.NextDueAt());
        Assert.Equal(["1:timer:1.3"], (await _store.LeaseDueAsync("w", _now.AddMinutes(10), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_MaxCutsInsideAGroup_TakesTheUrgentThenTheFirstMadeAndLeavesTheRestDue()
    {
        // Channel, page and announcement before card refreshes and invites (they wait less well); the rest in the order made.
        await Commit(("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now), ("1:announce:1.2", _now), ("1:invite:1.3", _now));

        var first = await _store.LeaseDueAsync("w", _now, Lease, 2);
        var second = await _store.LeaseDueAsync("w", _now, Lease, 10);

        Assert.Equal(["1:open_channel:1.0", "1:announce:1.2"], first.Select(s => s.Key));
        Assert.Equal(["1:sync_card:1.1", "1:invite:1.3"], second.Select(s => s.Key));
        Assert.Equal(4, _store.GetSteps(OutboxStatus.InFlight).Count);
    }

    [Fact]
    public async Task LeaseDueAsync_MaxAcrossGroups_TakesTheEarliestWakeFromAnyGroup()
    {
        // The second group's step is due before the first group's later one: it is taken, not the first group's tail.
        await Commit(("1:a:1.0", _now.AddSeconds(-10)), ("1:b:1.1", _now.AddSeconds(-1)));
        await Commit(("1:c:2.0", _now.AddSeconds(-5)));

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 2);

        Assert.Equal(["1:a:1.0", "1:c:2.0"], leased.Select(s => s.Key));
        Assert.Equal(["1:b:1.1"], _store.GetSteps(OutboxStatus.Pending).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_ExpiredLeaseInsideAGroup_OnlyThatStepLeasedAgain()
    {
        await Commit(("1:a:1.0", _now), ("1:b:1.1", _now), ("1:c:1.2", _now));
        await _store.LeaseDueAsync("crashed", _now, Lease, 10);
        await _store.CompleteStepAsync("1:a:1.0", NoLinks, _now);
        await _store.DeferStepAsync("1:b:1.1", "not due yet", _now.AddMinutes(10));

        var recovered = await _store.LeaseDueAsync("w", _now + Lease, Lease, 10);

        var step = Assert.Single(recovered);
        Assert.Equal(("1:c:1.2", "w", 2, _now + Lease + Lease), (step.Key, step.LeaseOwner, step.Attempts, step.LeaseUntil));
        Assert.Equal(_now + Lease + Lease, _store.NextDueAt());
    }

    [Fact]
    public async Task CompleteStepAsync_OneStepOfAGroup_SiblingsKeepTheirState()
    {
        await Commit(("1:a:1.0", _now), ("1:b:1.1", _now), ("1:timer:1.2", _now.AddHours(1)));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.CompleteStepAsync("1:a:1.0", new Dictionary<string, string> { ["slack:channel"] = "C42" }, _now.AddSeconds(1));

        Assert.Equal(["1:a:1.0"], _store.GetSteps(OutboxStatus.Done).Select(s => s.Key));
        var flying = Assert.Single(_store.GetSteps(OutboxStatus.InFlight));
        Assert.Equal(("1:b:1.1", "w", 1), (flying.Key, flying.LeaseOwner, flying.Attempts));
        Assert.Equal(["1:timer:1.2"], _store.GetSteps(OutboxStatus.Pending).Select(s => s.Key));
        Assert.Equal(1, _store.FindIncidentByChannel(new ChannelRef(PlatformNames.Slack, "C42")));
    }

    [Fact]
    public async Task RetryStepAsync_OneStepOfAGroup_SiblingsKeepTheirState()
    {
        await Commit(("1:a:1.0", _now), ("1:b:1.1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.RetryStepAsync("1:a:1.0", "ratelimited", _now.AddSeconds(30));

        var pending = Assert.Single(_store.GetSteps(OutboxStatus.Pending));
        Assert.Equal(("1:a:1.0", "ratelimited", _now.AddSeconds(30), (string?)null), (pending.Key, pending.LastError, pending.DueAt, pending.LeaseOwner));
        var flying = Assert.Single(_store.GetSteps(OutboxStatus.InFlight));
        Assert.Equal(("1:b:1.1", (string?)null), (flying.Key, flying.LastError));
        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt());
    }

    [Fact]
    public async Task DeadLetterStepAsync_OneStepOfAGroup_SiblingsKeepTheirState()
    {
        await Commit(("1:a:1.0", _now), ("1:b:1.1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.DeadLetterStepAsync("1:a:1.0", "invalid_auth", _now);

        Assert.Equal(["1:a:1.0"], _store.GetSteps(OutboxStatus.Dead).Select(s => s.Key));
        Assert.Equal(["1:b:1.1"], _store.GetSteps(OutboxStatus.InFlight).Select(s => s.Key));
        Assert.Empty(_store.GetSteps(OutboxStatus.Done));
        Assert.Equal(_now + Lease, _store.NextDueAt());
    }

    [Fact]
    public async Task CompleteStepAsync_StepLeasedBeforeReopen_FoundWithoutTheKeyMap()
    {
        await Commit(("1:a:1.0", _now), ("1:b:1.1", _now), ("1:timer:1.2", _now.AddHours(1)));
        await _store.LeaseDueAsync("w", _now, Lease, 10);
        _store.Dispose();
        _store = _temp.Open();

        await _store.CompleteStepAsync("1:b:1.1", NoLinks, _now);
        await _store.CompleteStepAsync("1:a:1.0", NoLinks, _now);

        Assert.Equal(["1:a:1.0", "1:b:1.1"], _store.GetSteps(OutboxStatus.Done).Select(s => s.Key));
        Assert.Equal(_now.AddHours(1), _store.NextDueAt());
    }

    [Fact]
    public async Task DeadLetterStepAsync_StepOfAFinishedGroupAfterReopen_FoundAmongAllGroups()
    {
        // A group whose steps are all settled has left the wake index: the key is still found by reading every group.
        await Commit(("1:a:1.0", _now));
        await Commit(("1:b:2.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);
        await _store.CompleteStepAsync("1:a:1.0", NoLinks, _now);
        _store.Dispose();
        _store = _temp.Open();

        await _store.DeadLetterStepAsync("1:a:1.0", "reported twice", _now);

        Assert.Equal(["1:a:1.0"], _store.GetSteps(OutboxStatus.Dead).Select(s => s.Key));
        Assert.Equal(["1:b:2.0"], _store.GetSteps(OutboxStatus.InFlight).Select(s => s.Key));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.RetryStepAsync("1:a:9.9", "x", _now));
    }

    [Fact]
    public async Task LeaseDueAsync_TwoCommitsOfAnIncidentDueAtTheSameTime_StepsInCommitOrder()
    {
        // The dispatcher runs an incident's leased steps in the order the lease returns them: the first commit's
        // steps before the second's, each in the order its decision listed them, also when max cuts between them.
        await Commit(("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now));
        await Commit(("1:announce:2.0", _now), ("1:sync_card:2.1", _now));

        var first = await _store.LeaseDueAsync("w", _now, Lease, 3);
        var rest = await _store.LeaseDueAsync("w", _now, Lease, 3);

        Assert.Equal(["1:open_channel:1.0", "1:sync_card:1.1", "1:announce:2.0"], first.Select(s => s.Key));
        Assert.Equal(["1:sync_card:2.1"], rest.Select(s => s.Key));
    }
}
