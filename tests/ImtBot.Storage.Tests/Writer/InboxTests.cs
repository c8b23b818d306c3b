using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using LiteDB;

namespace ImtBot.Storage.Tests.Writer;

/// <summary>
/// The inbox: dedupe keys remembered in memory for <see cref="StorageOptions.InboxWindow"/> of running time, over
/// inbox documents numbered in commit order (random keys as LiteDB <c>_id</c>s cost the writer ~10x an ordered one).
/// </summary>
public sealed class InboxTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Commit_ThreeKeys_DocumentsNumberedInCommitOrderWithTheKeyAsAField()
    {
        using (var store = _temp.Open())
        {
            foreach (var key in new[] { "Ev-zulu", "Ev-alpha", "Ev-mike" })
            {
                await store.CommitAsync(Record(key, $"reply {key}"));
            }
        }

        RawDatabase.Edit(_temp.DbPath, db => Assert.Equal(
            [(1L, "Ev-zulu", "reply Ev-zulu"), (2L, "Ev-alpha", "reply Ev-alpha"), (3L, "Ev-mike", "reply Ev-mike")],
            db.GetCollection("inbox").FindAll().Select(d => (d["_id"].AsInt64, d["key"].AsString, d["reply"].AsString)).OrderBy(x => x.Item1)));
    }

    [Fact]
    public async Task CommitAsync_KeyInsideTheWindow_DuplicateWithTheFirstReply()
    {
        using var store = Open(TimeSpan.FromHours(1));
        await store.CommitAsync(Record("Ev1", "first"));
        _temp.Time.Advance(TimeSpan.FromMinutes(59));

        var again = await store.CommitAsync(Record("Ev1", "second"));

        Assert.Equal(CommitStatus.Duplicate, again.Status);
        Assert.Equal("first", again.Reply);
        Assert.Equal("first", store.FindInboxReply("Ev1")?.Text);
    }

    [Fact]
    public async Task CommitAsync_KeyOlderThanTheWindow_ForgottenAndCommittedAgain()
    {
        using var store = Open(TimeSpan.FromHours(1));
        await store.CommitAsync(Record("Ev1", "first"));
        _temp.Time.Advance(TimeSpan.FromMinutes(61));
        await store.CommitAsync(Record("Ev2", "later"));

        Assert.Null(store.FindInboxReply("Ev1")?.Text);
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(Record("Ev1", "second"))).Status);
    }

    [Fact]
    public async Task Reopen_AfterDowntimeLongerThanTheWindow_KeysStillRememberedForTheWindowOfRunningTime()
    {
        using (var store = Open(TimeSpan.FromHours(1)))
        {
            await store.CommitAsync(Record("timer:1:remind:1.3", "reminded"));
            _temp.Time.Advance(TimeSpan.FromMinutes(30));
            await store.CommitAsync(Record("Ev-late", "late"));
        }

        // Down for ten days: a step leased before the outage runs again after it and must still be recognised.
        _temp.Time.Advance(TimeSpan.FromDays(10));
        using var reopened = Open(TimeSpan.FromHours(1));

        Assert.Equal(CommitStatus.Duplicate, (await reopened.CommitAsync(Record("timer:1:remind:1.3", "again"))).Status);

        // Half an hour of running time later the older key has had its hour; the later one has not.
        _temp.Time.Advance(TimeSpan.FromMinutes(31));
        await reopened.CommitAsync(Record("Ev-other", "other"));
        Assert.Null(reopened.FindInboxReply("timer:1:remind:1.3")?.Text);
        Assert.Equal("late", reopened.FindInboxReply("Ev-late")?.Text);
    }

    [Fact]
    public async Task CommitAsync_FailsAfterTheInboxWrite_KeyNotRememberedAndTheRetryCommits()
    {
        using var store = _temp.Open();
        var failed = false;
        store.FaultHook = (point, request) =>
        {
            if (point == Storage.Writer.FaultPoint.AfterInbox && request?.InboxKey == "Ev1" && !failed)
            {
                failed = true;
                throw new InvalidOperationException("injected");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(Record("Ev1", "first")));

        Assert.Null(store.FindInboxReply("Ev1")?.Text);
        Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(Record("Ev1", "retry"))).Status);
        Assert.Equal("retry", store.FindInboxReply("Ev1")?.Text);
    }

    [Fact]
    public async Task Open_FileFromBeforeTheNumberedInbox_KeysRenumberedInOrderAndStillDeduped()
    {
        using (var store = _temp.Open())
        {
            await store.CommitAsync(Record("seed", "seed"));
        }

        // The earlier layout: the key is the _id.
        RawDatabase.Edit(_temp.DbPath, db =>
        {
            var inbox = db.GetCollection("inbox");
            inbox.DeleteAll();
            inbox.Insert(new BsonDocument { ["_id"] = "Ev-b", ["reply"] = "second", ["incident"] = 0, ["at"] = Requests.T0.AddMinutes(2).UtcTicks });
            inbox.Insert(new BsonDocument { ["_id"] = "Ev-a", ["reply"] = "first", ["incident"] = 0, ["at"] = Requests.T0.AddMinutes(1).UtcTicks });
        });

        using (var reopened = _temp.Open())
        {
            Assert.Equal("first", reopened.FindInboxReply("Ev-a")?.Text);
            Assert.Equal(CommitStatus.Duplicate, (await reopened.CommitAsync(Record("Ev-b", "again"))).Status);
            Assert.Equal(CommitStatus.Committed, (await reopened.CommitAsync(Record("Ev-c", "third"))).Status);
        }

        RawDatabase.Edit(_temp.DbPath, db => Assert.Equal(
            [(1L, "Ev-a"), (2L, "Ev-b"), (3L, "Ev-c")],
            db.GetCollection("inbox").FindAll().Select(d => (d["_id"].AsInt64, d["key"].AsString)).OrderBy(x => x.Item1)));
    }

    [Theory]
    [InlineData("00:09:59")]
    [InlineData("3651.00:00:00")]
    public void Validate_InboxWindowOutOfRange_NamesTheSetting(string window)
    {
        var options = new StorageOptions { InboxWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains(new StorageOptionsValidator().Validate(null, options).Failures!, p => p.Contains("Storage:InboxWindow", StringComparison.Ordinal));
    }

    private LiteIncidentStore Open(TimeSpan window) =>
        new(new StorageOptions { Path = _temp.DbPath, Durability = DurabilityMode.Checkpoint, InboxWindow = window }, _temp.Time);

    [Fact]
    public async Task CommitAsync_RejectionRedelivered_DuplicateSaysNotAccepted_AlsoAfterReopen()
    {
        using (var store = _temp.Open())
        {
            await store.CommitAsync(new CommitRequest("Ev-no", 0, 0, [], null, [], "no such incident", Accepted: false));

            var again = await store.CommitAsync(Record("Ev-no", "second"));

            Assert.Equal(new CommitResult(CommitStatus.Duplicate, "no such incident", Accepted: false), again);
            Assert.Equal(new InboxReply("no such incident", false), store.FindInboxReply("Ev-no"));
        }

        using var reopened = _temp.Open();
        Assert.Equal(new InboxReply("no such incident", false), reopened.FindInboxReply("Ev-no"));
    }

    [Fact]
    public async Task Reopen_InboxDocumentWithoutAccepted_ReadAsAccepted()
    {
        using (var store = _temp.Open())
        {
            await store.CommitAsync(Record("Ev-old", "from an older version"));
        }

        RawDatabase.Edit(_temp.DbPath, db =>
        {
            var inbox = db.GetCollection("inbox");
            var doc = inbox.FindOne(Query.EQ("key", "Ev-old"));
            doc.Remove("accepted");
            inbox.Update(doc);
        });

        using var reopened = _temp.Open();
        Assert.Equal(new InboxReply("from an older version", true), reopened.FindInboxReply("Ev-old"));
        Assert.Equal(new CommitResult(CommitStatus.Duplicate, "from an older version", Accepted: true), await reopened.CommitAsync(Record("Ev-old", "x")));
    }

    private static CommitRequest Record(string key, string reply) => new(key, 0, 0, [], null, [], reply);
}
