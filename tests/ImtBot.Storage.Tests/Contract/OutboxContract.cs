using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class OutboxContract : IDisposable
{
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private protected readonly StoreFixture _temp;
    private protected readonly IIncidentStore _store;
    private protected readonly DateTimeOffset _now = Requests.T0;

    protected OutboxContract(StoreFixture temp)
    {
        _temp = temp;
        _store = _temp.Open();
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private protected async Task CommitWithSteps(params (string Key, DateTimeOffset Due)[] steps)
    {
        var declare = Requests.Declare(1, steps: 0) with
        {
            Steps = [.. steps.Select(s => new NewStep(s.Key, 1, PlatformNames.Slack, s.Key.Split(':')[1], "{}", s.Due))],
        };
        Assert.Equal(CommitStatus.Committed, (await _store.CommitAsync(declare)).Status);
    }

    [Fact]
    public async Task LeaseDueAsync_DueAndFutureSteps_LeasesOnlyDueOnesOnce()
    {
        await CommitWithSteps(("1:post_card:1", _now), ("1:page_expiry:1", _now.AddSeconds(40)));

        var leased = await _store.LeaseDueAsync("worker-a", _now, Lease, 10);
        var again = await _store.LeaseDueAsync("worker-b", _now.AddSeconds(30), Lease, 10);

        var step = Assert.Single(leased);
        Assert.Equal(("1:post_card:1", OutboxStatus.InFlight, 1, "worker-a", _now + Lease), (step.Key, step.Status, step.Attempts, step.LeaseOwner, step.LeaseUntil));
        Assert.Empty(again);
        Assert.Equal("1:page_expiry:1", Assert.Single(await _store.LeaseDueAsync("worker-a", _now.AddSeconds(40), Lease, 10)).Key);
    }

    [Fact]
    public async Task CommitAsync_HostLevelStepOnIncidentZero_StoredAndLeased()
    {
        // Schedules are the host's, not an incident's: their steps are committed on incident 0.
        var request = new CommitRequest("schedule-1", 0, 0, [], null, [new NewStep("0:schedule_tick:1", 0, PlatformNames.Slack, "schedule_tick", "{}", _now)], "ok");
        Assert.Equal(CommitStatus.Committed, (await _store.CommitAsync(request)).Status);

        var step = Assert.Single(await _store.LeaseDueAsync("w", _now, Lease, 10));

        Assert.Equal(("0:schedule_tick:1", 0, _now), (step.Key, step.Incident, step.FirstTriedAt));
        Assert.Empty(_store.ListIncidents(openOnly: false));
    }

    [Fact]
    public async Task LeaseDueAsync_EarlierStepLeasedByAKilledOwner_LaterStepsWaitForItsLeaseThenRunAfterIt()
    {
        // A process killed while posting the card may have posted it without recording it: the incident's later steps
        // are not leased to the next process until the card step's lease runs out, and then they run after it.
        await CommitWithSteps(("1:sync_card:1.0", _now), ("1:sync_card:2.0", _now.AddSeconds(10)), ("1:timer:3.0", _now.AddSeconds(10)));
        await _store.LeaseDueAsync("killed", _now, Lease, 1);

        var whileLeased = await _store.LeaseDueAsync("restarted", _now.AddSeconds(30), Lease, 10);
        var afterLease = await _store.LeaseDueAsync("restarted", _now.AddSeconds(61), Lease, 10);
        var next = await _store.LeaseDueAsync("restarted", _now.AddSeconds(62), Lease, 10);

        Assert.Equal(["1:timer:3.0"], whileLeased.Select(s => s.Key)); // timers neither hold nor wait

        // With room for both, the later step still waits one round: until the earlier is this owner's, it is in
        // flight under the dead one. Then it follows.
        var again = Assert.Single(afterLease);
        Assert.Equal(("1:sync_card:1.0", 2, _now), (again.Key, again.Attempts, again.FirstTriedAt));
        var later = Assert.Single(next);
        Assert.Equal(("1:sync_card:2.0", 1, _now.AddSeconds(62)), (later.Key, later.Attempts, later.FirstTriedAt));
    }

    [Fact]
    public async Task LeaseDueAsync_KilledOwnersLeaseRanOut_OneFreeSlot_TheEarlierStepGoesFirst_NotTheLaterOneWithTheEarlierWake()
    {
        // The crash suite's doubled card: a killed process had posted the card (step 1) without recording it; once its
        // lease ran out the step's wake was that lease's end, later than the next card step's due time, and a
        // dispatcher with one free slot took the later step first — which found no card recorded and posted another.
        await CommitWithSteps(("1:sync_card:1.0", _now), ("1:sync_card:2.0", _now.AddSeconds(10)));
        await _store.LeaseDueAsync("killed", _now, Lease, 1);

        var first = await _store.LeaseDueAsync("restarted", _now.AddSeconds(61), Lease, 1);
        var second = await _store.LeaseDueAsync("restarted", _now.AddSeconds(62), Lease, 1);

        Assert.Equal(["1:sync_card:1.0"], first.Select(s => s.Key));
        Assert.Equal(["1:sync_card:2.0"], second.Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_SameDueTime_LeasedInTheOrderTheyWereMade()
    {
        // A decision's effects run in the order it listed them (channel before card before announcement), not in
        // the alphabetical order of their keys; and sequence 10 comes after sequence 9.
        await CommitWithSteps(("1:open_channel:9.0", _now), ("1:sync_card:9.1", _now), ("1:announce:9.2", _now), ("1:invite:10.0", _now));

        var leased = await _store.LeaseDueAsync("worker-a", _now, Lease, 10);

        Assert.Equal(["1:open_channel:9.0", "1:sync_card:9.1", "1:announce:9.2", "1:invite:10.0"], leased.Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_LeaseExpired_StepReturnsForAnotherAttempt()
    {
        // The dispatcher crashed while holding the step: after its lease it runs again, with the attempt counted.
        await CommitWithSteps(("1:post_card:1", _now));
        await _store.LeaseDueAsync("crashed", _now, Lease, 10);

        var recovered = await _store.LeaseDueAsync("worker-b", _now + Lease, Lease, 10);

        var step = Assert.Single(recovered);
        Assert.Equal(("worker-b", 2), (step.LeaseOwner, step.Attempts));
    }

    [Fact]
    public async Task LeaseDueAsync_MoreDueThanMax_LeasesOldestFirst()
    {
        await CommitWithSteps(("1:a:1", _now.AddSeconds(-3)), ("1:b:1", _now.AddSeconds(-1)), ("1:c:1", _now.AddSeconds(-2)));

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 2);

        Assert.Equal(["1:a:1", "1:c:1"], leased.Select(s => s.Key));
    }

    [Fact]
    public async Task CompleteStepAsync_WithLinks_DoneAndChannelFindsTheIncident()
    {
        await CommitWithSteps(("1:create_channel:1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.CompleteStepAsync("1:create_channel:1", new Dictionary<string, string> { ["slack:channel"] = "C42", ["slack:card"] = "1700.1" }, _now.AddSeconds(1));

        var done = Assert.Single(_store.GetSteps(OutboxStatus.Done));
        Assert.Equal(_now.AddSeconds(1), done.CompletedAt);
        Assert.Null(done.LeaseOwner);
        Assert.Equal(1, _store.FindIncidentByChannel(new ChannelRef(PlatformNames.Slack, "C42")));
        Assert.Null(_store.FindIncidentByChannel(new ChannelRef(PlatformNames.Teams, "C42")));
        Assert.Equal("1700.1", _store.GetLinks(1)["slack:card"]);
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddHours(1), Lease, 10));
    }

    [Fact]
    public async Task RetryStepAsync_Error_PendingAgainAtRetryTimeWithTheError()
    {
        await CommitWithSteps(("1:post_card:1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.RetryStepAsync("1:post_card:1", "ratelimited", _now.AddSeconds(30));

        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(29), Lease, 10));
        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt());
        var step = Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10));
        Assert.Equal(("ratelimited", 2), (step.LastError, step.Attempts));
    }

    [Fact]
    public async Task DeadLetterStepAsync_Error_ListedAsDeadAndNeverLeased()
    {
        await CommitWithSteps(("1:post_card:1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.DeadLetterStepAsync("1:post_card:1", "invalid_auth", _now);

        var dead = Assert.Single(_store.GetSteps(OutboxStatus.Dead));
        Assert.Equal("invalid_auth", dead.LastError);
        Assert.Empty(_store.GetSteps(OutboxStatus.InFlight));
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddDays(1), Lease, 10));
        Assert.Null(_store.NextDueAt());
    }

    [Fact]
    public async Task NextDueAt_PendingAndInFlight_EarliestOfDueTimeAndLeaseExpiry()
    {
        Assert.Null(_store.NextDueAt());
        await CommitWithSteps(("1:a:1", _now), ("1:b:1", _now.AddMinutes(10)));
        Assert.Equal(_now, _store.NextDueAt());

        await _store.LeaseDueAsync("w", _now, Lease, 10);

        Assert.Equal(_now + Lease, _store.NextDueAt());
    }

    [Fact]
    public async Task LeaseDueAsync_ManyTimersDueLater_LeasesOnlyTheDueOnesOldestFirst()
    {
        // Timers due later sit in front of nothing: only the front of the wake index is read.
        var timers = Enumerable.Range(1, 200).Select(i => ($"1:timer:{i}", _now.AddMinutes(i))).ToArray();
        await CommitWithSteps([.. timers, ("1:a:1", _now.AddSeconds(-2)), ("1:b:1", _now), ("1:c:1", _now.AddSeconds(-1))]);

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 2);

        Assert.Equal(["1:a:1", "1:c:1"], leased.Select(s => s.Key));
        Assert.Equal(["1:b:1"], (await _store.LeaseDueAsync("w", _now, Lease, 10)).Select(s => s.Key));
        Assert.Equal(_now.AddMinutes(1), _store.NextDueAt());
    }

    [Fact]
    public async Task NextDueAt_After_EarliestLaterThanItSoHeldStepsDueNowDoNotAnswerNow()
    {
        await CommitWithSteps(("1:a:1", _now.AddSeconds(-5)), ("1:b:1", _now), ("1:c:1", _now.AddSeconds(30)), ("1:d:1", _now.AddMinutes(2)));

        Assert.Equal(_now.AddSeconds(-5), _store.NextDueAt());
        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt(after: _now));
        Assert.Equal(_now.AddMinutes(2), _store.NextDueAt(after: _now.AddSeconds(30)));
        Assert.Null(_store.NextDueAt(after: _now.AddMinutes(2)));
    }

    [Fact]
    public async Task NextDueAt_StepsMadeOutOfOrder_EarliestDueTime()
    {
        await CommitWithSteps(("1:a:1", _now.AddMinutes(30)), ("1:b:1", _now.AddMinutes(5)), ("1:c:1", _now.AddMinutes(20)));

        Assert.Equal(_now.AddMinutes(5), _store.NextDueAt());
    }

    [Fact]
    public async Task GetSteps_OneStepInEachStatus_EachListedUnderItsOwn()
    {
        await CommitWithSteps(("1:done:1", _now), ("1:dead:1", _now), ("1:flight:1", _now), ("1:timer:1", _now.AddHours(1)));
        await _store.LeaseDueAsync("w", _now, Lease, 3);
        await _store.CompleteStepAsync("1:done:1", new Dictionary<string, string>(), _now);
        await _store.DeadLetterStepAsync("1:dead:1", "gave up", _now);

        Assert.Equal(["1:timer:1"], _store.GetSteps(OutboxStatus.Pending).Select(s => s.Key));
        Assert.Equal(["1:flight:1"], _store.GetSteps(OutboxStatus.InFlight).Select(s => s.Key));
        Assert.Equal(["1:done:1"], _store.GetSteps(OutboxStatus.Done).Select(s => s.Key));
        Assert.Equal(["1:dead:1"], _store.GetSteps(OutboxStatus.Dead).Select(s => s.Key));
    }

    [Fact]
    public async Task CompleteStepAsync_UnknownKey_FaultsWithTheKey()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.CompleteStepAsync("9:nope:1", new Dictionary<string, string>(), _now));

        Assert.Contains("9:nope:1", error.Message);
    }

    [Fact]
    public async Task SetSettingAsync_Value_ReadBackAndOverwritten()
    {
        Assert.Null(_store.GetSetting("oncall:commander"));

        await _store.SetSettingAsync("oncall:commander", "alice");
        await _store.SetSettingAsync("oncall:commander", "bob");

        Assert.Equal("bob", _store.GetSetting("oncall:commander"));
    }
}
