using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <summary>
/// Leasing keeps an incident's steps in order across failures (a failed step holds the later ones back until it is
/// settled) and takes urgent kinds (channel, page, announcement) before a backlog of card refreshes.
/// </summary>
/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class StepOrderContract : IDisposable
{
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private protected static readonly Dictionary<string, string> NoLinks = [];
    private protected readonly StoreFixture _temp;
    private protected readonly DateTimeOffset _now = Requests.T0;
    private protected readonly Dictionary<int, IncidentSnapshot> _incidents = [];
    private protected IIncidentStore _store;

    protected StepOrderContract(StoreFixture temp)
    {
        _temp = temp;
        _store = _temp.Open();
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private protected async Task Commit(int incident, params (string Key, DateTimeOffset Due)[] steps)
    {
        var newSteps = steps.Select(s => new NewStep(s.Key, incident, PlatformNames.Slack, s.Key.Split(':')[1], "{}", s.Due)).ToList();
        var request = _incidents.TryGetValue(incident, out var current)
            ? Requests.Append(current, new NoteAdded("more"), null, steps: newSteps)
            : Requests.Declare(incident, steps: 0) with { Steps = newSteps };
        Assert.Equal(CommitStatus.Committed, (await _store.CommitAsync(request)).Status);
        _incidents[incident] = Requests.After(request);
    }

    [Fact]
    public async Task LeaseDueAsync_EarlierStepFailed_LaterStepsOfThatIncidentWaitOthersGoOn()
    {
        await Commit(1, ("1:post_update:1.0", _now), ("1:sync_card:1.1", _now));
        await Commit(2, ("2:post_update:1.0", _now));
        var leased = await _store.LeaseDueAsync("w", _now, Lease, 1);
        Assert.Equal(["1:post_update:1.0"], leased.Select(s => s.Key));
        await _store.RetryStepAsync("1:post_update:1.0", "service_unavailable", _now.AddSeconds(30));
        await Commit(1, ("1:post_update:2.0", _now.AddSeconds(1)));

        // Incident 1's later steps (due now, and one made after the fault) wait; incident 2 is not held back.
        Assert.Equal(["2:post_update:1.0"], (await _store.LeaseDueAsync("w", _now.AddSeconds(10), Lease, 10)).Select(s => s.Key));

        // The failed step comes back first, alone; once it is done the rest follow in the order they were made.
        var retried = Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10));
        Assert.Equal(("1:post_update:1.0", 2, _now), (retried.Key, retried.Attempts, retried.FailingSince));
        await _store.CompleteStepAsync("1:post_update:1.0", NoLinks, _now.AddSeconds(30));
        Assert.Equal(["1:sync_card:1.1", "1:post_update:2.0"], (await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_HeldStepAfterReopen_StillHoldsTheIncidentBack()
    {
        await Commit(1, ("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);
        await _store.RetryStepAsync("1:open_channel:1.0", "internal_error", _now.AddMinutes(5));
        _store.Dispose();
        _store = _temp.Open();

        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddMinutes(1), Lease, 10));
        await _store.LeaseDueAsync("w", _now.AddMinutes(5), Lease, 10);
        await _store.DeadLetterStepAsync("1:open_channel:1.0", "gave up", _now.AddMinutes(5));
        Assert.Equal(["1:sync_card:1.1"], (await _store.LeaseDueAsync("w", _now.AddMinutes(5), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_ChannelWaitingItsTurn_PageAndReminderGoAtOnceCardWaits()
    {
        await Commit(1, ("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now), ("1:send_page:1.2", _now), ("1:notify:1.3", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);
        await _store.PaceStepAsync("1:open_channel:1.0", "waiting for its turn", _now.AddMinutes(9), sent: false, NoLinks);

        // The page and the reminder are direct messages: they need nothing the channel step makes.
        Assert.Equal(["1:notify:1.3", "1:send_page:1.2"], (await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10)).Select(s => s.Key).Order());
    }

    [Fact]
    public async Task LeaseDueAsync_PageWaitingItsTurn_HoldsLaterStepsAReminderDoesNot()
    {
        await Commit(1, ("1:send_page:1.0", _now));
        await Commit(2, ("2:notify:1.0", _now));
        Assert.Equal(2, (await _store.LeaseDueAsync("w", _now, Lease, 10)).Count);
        await _store.PaceStepAsync("1:send_page:1.0", "waiting for its turn", _now.AddMinutes(3), sent: false, NoLinks);
        await _store.PaceStepAsync("2:notify:1.0", "waiting for its turn", _now.AddMinutes(3), sent: false, NoLinks);
        await Commit(1, ("1:sync_page:2.0", _now.AddSeconds(1)), ("1:notify:2.1", _now.AddSeconds(1)));
        await Commit(2, ("2:post_channel:2.0", _now.AddSeconds(1)));

        // The edit of the page's card waits for the page; the channel post does not wait for incident 2's reminder.
        var leased = (await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10)).Select(s => s.Key).Order().ToList();
        Assert.Equal(["1:notify:2.1", "2:post_channel:2.0"], leased);
    }

    [Fact]
    public async Task LeaseDueAsync_TimerBehindAFailedStep_StillLeased()
    {
        await Commit(1, ("1:post_update:1.0", _now), ("1:timer:1.1", _now.AddMinutes(1)));
        await _store.LeaseDueAsync("w", _now, Lease, 10);
        await _store.RetryStepAsync("1:post_update:1.0", "internal_error", _now.AddMinutes(5));

        Assert.Equal(["1:timer:1.1"], (await _store.LeaseDueAsync("w", _now.AddMinutes(1), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task ReleaseStepAsync_LeasedStepNotRun_PendingAgainAttemptNotCounted()
    {
        await Commit(1, ("1:post_update:1.0", _now), ("1:sync_card:1.1", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);

        await _store.ReleaseStepAsync("1:sync_card:1.1");

        var pending = Assert.Single(_store.GetSteps(OutboxStatus.Pending));
        Assert.Equal(("1:sync_card:1.1", 0, (string?)null, _now), (pending.Key, pending.Attempts, pending.LeaseOwner, pending.DueAt));
    }

    [Fact]
    public async Task DeferStepAsync_NotDueYet_HoldsNothingBackAndRecordsNoFault()
    {
        await Commit(1, ("1:archive:1.0", _now), ("1:sync_card:1.1", _now.AddSeconds(1)));
        await _store.LeaseDueAsync("w", _now, Lease, 1);

        await _store.DeferStepAsync("1:archive:1.0", "not due yet", _now.AddDays(7));

        Assert.Equal(["1:sync_card:1.1"], (await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10)).Select(s => s.Key));
        Assert.Null(Assert.Single(_store.GetSteps(OutboxStatus.Pending)).FailingSince);
    }

    [Fact]
    public async Task PaceStepAsync_NothingSent_HoldsItsIncidentBackInOrderRecordsNoFaultAndDoesNotCountTheAttempt()
    {
        await Commit(1, ("1:announce:1.0", _now), ("1:post_update:1.1", _now));
        await Commit(2, ("2:announce:1.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);

        await _store.PaceStepAsync("1:announce:1.0", "waiting for its turn", _now.AddSeconds(3), sent: false, NoLinks);

        // Incident 1's update waits behind its announcement; incident 2 goes on.
        Assert.Equal(["2:announce:1.0"], (await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10)).Select(s => s.Key));
        var paced = Assert.Single(_store.GetSteps(OutboxStatus.Pending), s => s.Key == "1:announce:1.0");
        Assert.Equal((0, (DateTimeOffset?)null, _now.AddSeconds(3)), (paced.Attempts, paced.FailingSince, paced.DueAt));

        // Its turn: it goes first, as a first attempt, and the update follows once it is done.
        var turn = Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(3), Lease, 10));
        Assert.Equal(("1:announce:1.0", 1), (turn.Key, turn.Attempts));
        await _store.CompleteStepAsync(turn.Key, NoLinks, _now.AddSeconds(3));
        Assert.Equal(["1:post_update:1.1"], (await _store.LeaseDueAsync("w", _now.AddSeconds(3), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task PaceStepAsync_AfterSending_TheAttemptCountsSoTheNextOneReconcilesAndWhatItLearnedIsKept()
    {
        await Commit(1, ("1:open_channel:1.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);

        await _store.PaceStepAsync("1:open_channel:1.0", "waiting for its turn", _now.AddSeconds(5), sent: true, new Dictionary<string, string> { ["slack:channel"] = "C1" });

        var turn = Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(5), Lease, 10));
        Assert.Equal((2, (DateTimeOffset?)null), (turn.Attempts, turn.FailingSince));
        Assert.Equal("C1", _store.GetLinks(1)["slack:channel"]);
    }

    [Fact]
    public async Task NoteStepAsync_WhileLeased_TheNoteIsALinkOfItsIncidentAndTheStepStaysAsItWas()
    {
        await Commit(7, ("7:announce:1.0", _now));
        var leased = Assert.Single(await _store.LeaseDueAsync("w", _now, Lease, 1));

        await _store.NoteStepAsync(leased.Key, new Dictionary<string, string> { ["slack:posting:7:announce:1.0:announce"] = "1700000000000" });

        Assert.Equal("1700000000000", _store.GetLinks(7)["slack:posting:7:announce:1.0:announce"]);
        var step = Assert.Single(_store.GetSteps(OutboxStatus.InFlight));
        Assert.Equal((leased.Attempts, leased.LeaseOwner, leased.LeaseUntil), (step.Attempts, step.LeaseOwner, step.LeaseUntil));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StepLinks_GoWhenTheirStepEnds_TheIncidentsOtherLinksAndOtherStepsLinksStay(bool completes)
    {
        await Commit(7, ("7:announce:1.0", _now), ("7:post_update:1.1", _now));
        var ending = "7:announce:1.0";
        await _store.LeaseDueAsync("w", _now, Lease, 1);
        await _store.NoteStepAsync(ending, new Dictionary<string, string> { [StepLinks.Name(ending, "slack:posting:announce")] = "1", ["slack:channel"] = "C7" });
        await _store.PaceStepAsync(ending, "turn", _now, sent: true, new Dictionary<string, string> { [StepLinks.Name(ending, "slack:posted:channel")] = "2.0" });
        await _store.NoteStepAsync("7:post_update:1.1", new Dictionary<string, string> { [StepLinks.Name("7:post_update:1.1", "slack:posting:channel")] = "3" });
        Assert.Equal(4, _store.GetLinks(7).Count);
        await _store.LeaseDueAsync("w", _now, Lease, 1);

        if (completes)
        {
            await _store.CompleteStepAsync(ending, new Dictionary<string, string> { ["slack:card"] = "4.0", [StepLinks.Name(ending, "late")] = "5" }, _now);
        }
        else
        {
            await _store.DeadLetterStepAsync(ending, "gave up", _now);
        }

        var left = _store.GetLinks(7);
        Assert.DoesNotContain(left.Keys, k => k.StartsWith(StepLinks.Prefix(ending), StringComparison.Ordinal));
        Assert.Equal("C7", left["slack:channel"]);
        Assert.Equal("3", left[StepLinks.Name("7:post_update:1.1", "slack:posting:channel")]);
        Assert.Equal(completes, left.ContainsKey("slack:card"));
    }

    [Fact]
    public async Task LeaseDueAsync_BacklogOfCardRefreshes_NewIncidentsChannelTakenFirst()
    {
        for (var i = 0; i < 20; i++)
        {
            await Commit(1, ($"1:sync_card:{i + 2}.0", _now.AddSeconds(-60 + i)));
        }

        await Commit(2, ("2:open_channel:1.0", _now), ("2:sync_card:1.1", _now), ("2:send_page:1.2", _now));

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 3);

        Assert.Equal(["1:sync_card:2.0", "2:open_channel:1.0", "2:send_page:1.2"], leased.Select(s => s.Key));
    }

    /// <summary>
    /// A backlog held behind a retry (a platform outage, a busy channel) must not be read by every lease: by the time a lease
    /// has passed them over, the held steps are parked until their holder wakes, and the store's next wake says so.
    /// </summary>
    [Fact]
    public async Task LeaseDueAsync_GroupsHeldBehindARetry_SleepUntilTheRetrySoTheNextWakeIsTheRetrys()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(30));
        for (var i = 1; i <= 20; i++)
        {
            await Commit(1, ($"1:post_update:{i + 1}.0", _now));
        }

        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt()); // they wait for the retry, and the store knows it
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(10), Lease, 10));
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10)).Key);
    }

    /// <summary>
    /// In a storm the urgent steps (new channels, pages, announcements) fill every free slot, so the pass that reads the
    /// other kinds does not run: the urgent pass must park what it finds held, or every lease reads the held backlog
    /// again (thousands of groups a lease when a busy announcements channel holds each incident's announcement).
    /// </summary>
    [Fact]
    public async Task LeaseDueAsync_UrgentStepsFillTheSlots_HeldAnnouncementsAreParkedAllTheSame()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(30));
        for (var i = 1; i <= 20; i++)
        {
            await Commit(1, ($"1:announce:{i + 1}.0", _now));
        }

        for (var incident = 2; incident <= 11; incident++)
        {
            await Commit(incident, ($"{incident}:open_channel:1.0", _now));
        }

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 10);
        Assert.Equal(Enumerable.Range(2, 10).Select(n => $"{n}:open_channel:1.0"), leased.Select(s => s.Key).Order(StringComparer.Ordinal).OrderBy(k => int.Parse(k.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var step in leased)
        {
            await _store.CompleteStepAsync(step.Key, NoLinks, _now);
        }

        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt()); // the held announcements wait for the retry, and the store knows it
    }

    /// <summary>Steps already waiting when their holder fails are parked by that failure: the next wake is the retry's.</summary>
    [Fact]
    public async Task RetryStepAsync_LaterStepsAlreadyWaiting_ParkedUntilTheRetry()
    {
        await Commit(1, ("1:open_channel:1.0", _now));
        await Commit(1, ("1:post_update:2.0", _now), ("1:timer:2.1", _now.AddMinutes(5)));
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now, Lease, 1)).Key);

        await _store.RetryStepAsync("1:open_channel:1.0", "slack down", _now.AddSeconds(30));

        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(1), Lease, 10));
        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt());
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10)).Key);
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now.AddSeconds(31));
        Assert.Equal("1:post_update:2.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(31), Lease, 10)).Key);
    }

    [Fact]
    public async Task LeaseDueAsync_HolderCompletesBeforeItsLeaseRunsOut_ParkedGroupsGoAtOnceInOrder()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(5));
        await Commit(1, ("1:post_update:2.0", _now), ("1:timer:2.1", _now.AddSeconds(20)));
        await Commit(1, ("1:post_update:3.0", _now));
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        // The retry is leased (held while it runs: its lease ends in a minute) and completes within the second.
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(5), Lease, 10)).Key);
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(5.5), Lease, 10)); // parks the updates until that lease's end
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now.AddSeconds(6));

        Assert.Equal(["1:post_update:2.0", "1:post_update:3.0"], (await _store.LeaseDueAsync("w", _now.AddSeconds(6), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_ParkedGroupWithATimer_TheTimerKeepsItsOwnTime()
    {
        await HoldIncidentOneUntil(_now.AddMinutes(10));
        await Commit(1, ("1:post_update:2.0", _now), ("1:timer:2.1", _now.AddSeconds(20)));
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        Assert.Equal(_now.AddSeconds(20), _store.NextDueAt());
        Assert.Equal("1:timer:2.1", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(20), Lease, 10)).Key);
    }

    [Fact]
    public async Task LeaseDueAsync_HolderInTheSameGroup_RetriedThenDone_TheRestOfTheGroupGoes()
    {
        await Commit(1, ("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now), ("1:announce:1.2", _now), ("1:timer:1.3", _now.AddMinutes(5)));
        Assert.Equal(3, (await _store.LeaseDueAsync("w", _now, Lease, 10)).Count);
        await _store.RetryStepAsync("1:open_channel:1.0", "down", _now.AddMinutes(1));
        await _store.ReleaseStepAsync("1:sync_card:1.1");
        await _store.ReleaseStepAsync("1:announce:1.2");
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        var at = _now.AddMinutes(1);
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", at, Lease, 10)).Key);
        Assert.Empty(await _store.LeaseDueAsync("w", at, Lease, 10));
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, at);

        Assert.Equal(["1:sync_card:1.1", "1:announce:1.2"], (await _store.LeaseDueAsync("w", at, Lease, 10)).Select(s => s.Key));
    }

    /// <summary>Incident 1's channel step failed and waits for its retry at <paramref name="retryAt"/>: it holds the incident's later steps.</summary>
    private protected async Task HoldIncidentOneUntil(DateTimeOffset retryAt)
    {
        await Commit(1, ("1:open_channel:1.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);
        await _store.RetryStepAsync("1:open_channel:1.0", "slack down", retryAt);
    }
}
