using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class CommitContract : IDisposable
{
    private protected readonly StoreFixture _temp;

    protected CommitContract(StoreFixture temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    private protected static void AssertSameEvents(IReadOnlyList<IncidentEvent> expected, IReadOnlyList<IncidentEvent> actual)
    {
        Assert.Equal(expected.Select(EventChain.Canonical), actual.Select(EventChain.Canonical));
        Assert.Equal(expected.Select(e => (e.PreviousHash, e.Hash, e.At)), actual.Select(e => (e.PreviousHash, e.Hash, e.At)));
    }

    [Fact]
    public async Task CommitAsync_NewIncident_StoresEventsSnapshotStepsAndInbox()
    {
        using var store = _temp.Open();
        var request = Requests.Declare(1, "slack:Ev1");

        var result = await store.CommitAsync(request);

        Assert.Equal(CommitStatus.Committed, result.Status);
        Assert.Equal(request.Snapshot, store.FindIncident(1));
        var events = store.GetEvents(1);
        AssertSameEvents(request.Events, events);
        Assert.True(ChainVerifier.Verify(events).Valid);
        Assert.Equal("INC-1 declared", store.FindInboxReply("slack:Ev1")?.Text);
        var step = Assert.Single(store.GetSteps(OutboxStatus.Pending));
        Assert.Equal(("1:post_card:1", 0, _temp.Time.GetUtcNow()), (step.Key, step.Attempts, step.CreatedAt));
    }

    [Fact]
    public async Task CommitAsync_EventTimeWithSubMillisecondTicks_ReadBackExactlyAndVerifies()
    {
        using var store = _temp.Open();
        var request = Requests.Declare(1, at: Requests.T0.AddTicks(7));

        await store.CommitAsync(request);

        Assert.Equal(request.Events[0].At, store.GetEvents(1)[0].At);
        Assert.True(store.Verify(1).Valid);
    }

    [Fact]
    public async Task CommitAsync_DuplicateInboxKey_ReturnsFirstReplyAndAppliesNothing()
    {
        using var store = _temp.Open();
        var first = Requests.Declare(1, "teams:a1");
        await store.CommitAsync(first);
        var again = Requests.Note(first.Snapshot!, "second delivery", inboxKey: "teams:a1") with { Reply = "another reply" };

        var result = await store.CommitAsync(again);

        Assert.Equal(new CommitResult(CommitStatus.Duplicate, "INC-1 declared"), result);
        Assert.Single(store.GetEvents(1));
        Assert.Equal(1, store.FindIncident(1)!.Version);
    }

    [Fact]
    public async Task CommitAsync_InboxKeysDifferingOnlyByCase_AreDistinct()
    {
        // Teams activity ids and Slack event ids are case-sensitive; LiteDB's default collation ignores case.
        using var store = _temp.Open();
        await store.CommitAsync(new CommitRequest("teams:AbC", 0, 0, [], null, [], "first"));

        var result = await store.CommitAsync(new CommitRequest("teams:abc", 0, 0, [], null, [], "second"));

        Assert.Equal(CommitStatus.Committed, result.Status);
        Assert.Equal("second", store.FindInboxReply("teams:abc")?.Text);
    }

    [Fact]
    public async Task CommitAsync_StaleExpectedVersion_ConflictAndNothingApplied()
    {
        using var store = _temp.Open();
        var declare = Requests.Declare(1);
        await store.CommitAsync(declare);
        await store.CommitAsync(Requests.Note(declare.Snapshot!, "first"));

        var stale = Requests.Note(declare.Snapshot!, "written on old state", inboxKey: "stale");
        var result = await store.CommitAsync(stale);

        Assert.Equal(CommitStatus.Conflict, result.Status);
        Assert.Equal(2, store.GetEvents(1).Count);
        Assert.Null(store.FindInboxReply("stale")?.Text);
    }

    [Fact]
    public async Task CommitAsync_NumberAlreadyTaken_Conflict()
    {
        using var store = _temp.Open();
        await store.CommitAsync(Requests.Declare(1, "a"));

        var result = await store.CommitAsync(Requests.Declare(1, "b", title: "Another"));

        Assert.Equal(CommitStatus.Conflict, result.Status);
        Assert.Equal("Checkout failing", store.FindIncident(1)!.Title);
        Assert.Equal(2, store.NextIncidentNumber());
    }

    [Fact]
    public async Task CommitAsync_IncidentZero_RecordsOnlyTheInboxKey()
    {
        using var store = _temp.Open();

        var result = await store.CommitAsync(new CommitRequest("console:m1", 0, 0, [], null, [], "help text"));

        Assert.Equal(CommitStatus.Committed, result.Status);
        Assert.Equal("help text", store.FindInboxReply("console:m1")?.Text);
        Assert.Empty(store.ListIncidents(openOnly: false));
        Assert.Equal(CommitStatus.Duplicate, (await store.CommitAsync(new CommitRequest("console:m1", 0, 0, [], null, [], "x"))).Status);
    }

    [Fact]
    public async Task CommitAsync_EventNotChainedOntoStoredHead_FailsAndAppliesNothing()
    {
        using var store = _temp.Open();
        var declare = Requests.Declare(1);
        await store.CommitAsync(declare);
        var forged = declare.Snapshot! with { Head = new string('1', 64) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(Requests.Note(forged, "off chain", "k")));

        Assert.Contains("does not chain", error.Message);
        Assert.Single(store.GetEvents(1));
        Assert.Null(store.FindInboxReply("k")?.Text);
    }

    [Fact]
    public async Task CommitAsync_SnapshotVersionNotMatchingEvents_RejectedBeforeWriting()
    {
        using var store = _temp.Open();
        var declare = Requests.Declare(1);
        var wrong = declare with { Snapshot = declare.Snapshot! with { Version = 5 } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(wrong));

        Assert.Contains("version 1", error.Message);
        Assert.Null(store.FindIncident(1));
    }

    [Fact]
    public async Task Dispose_ThenReopen_KeepsEverything()
    {
        var declare = Requests.Declare(1, "k1");
        CommitRequest note;
        using (var store = _temp.Open())
        {
            await store.CommitAsync(declare);
            note = Requests.Note(declare.Snapshot!, "kept");
            await store.CommitAsync(note);
            await store.SetSettingAsync("oncall:commander", "alice,bob");
        }

        using var reopened = _temp.Open();

        Assert.True(reopened.IsReady, reopened.Health.Reason);
        Assert.Equal(note.Snapshot, reopened.FindIncident(1));
        AssertSameEvents([.. declare.Events, .. note.Events], reopened.GetEvents(1));
        Assert.Equal("INC-1 declared", reopened.FindInboxReply("k1")?.Text);
        Assert.Equal("alice,bob", reopened.GetSetting("oncall:commander"));
        Assert.Single(reopened.GetSteps(OutboxStatus.Pending));
    }

    [Fact]
    public async Task Dispose_WithCommitsQueued_DrainsThemBeforeClosing()
    {
        Task<CommitResult>[] pending;
        using (var store = _temp.Open())
        {
            pending = [.. Enumerable.Range(1, 50).Select(n => store.CommitAsync(Requests.Declare(n)))];
        }

        var results = await Task.WhenAll(pending);

        Assert.All(results, r => Assert.Equal(CommitStatus.Committed, r.Status));
        using var reopened = _temp.Open();
        Assert.Equal(50, reopened.ListIncidents(openOnly: false).Count);
    }

    [Fact]
    public async Task CommitAsync_AfterDispose_RefusedAsClosed()
    {
        var store = _temp.Open();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync(Requests.Declare(1)));
        Assert.False(store.IsReady);
    }

    [Fact]
    public async Task CommitAsync_AlreadyCancelled_NothingApplied()
    {
        using var store = _temp.Open();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitAsync(Requests.Declare(1), new CancellationToken(canceled: true)));

        Assert.Null(store.FindIncident(1));
    }
}
