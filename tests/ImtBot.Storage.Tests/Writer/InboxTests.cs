using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using LiteDB;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests.Writer;

public sealed class InboxTests() : InboxContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Fact]
    public async Task Commit_ThreeKeys_DocumentsNumberedInCommitOrderWithTheKeyAsAField()
    {
        using (var store = Lite.Open(DurabilityMode.Checkpoint))
        {
            foreach (var key in new[] { "Ev-zulu", "Ev-alpha", "Ev-mike" })
            {
                await store.CommitAsync(Record(key, $"reply {key}"));
            }
        }

        RawDatabase.Edit(Lite.DbPath, db => Assert.Equal(
            [(1L, "Ev-zulu", "reply Ev-zulu"), (2L, "Ev-alpha", "reply Ev-alpha"), (3L, "Ev-mike", "reply Ev-mike")],
            db.GetCollection("inbox").FindAll().Select(d => (d["_id"].AsInt64, d["key"].AsString, d["reply"].AsString)).OrderBy(x => x.Item1)));
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
        using var store = Lite.Open(DurabilityMode.Checkpoint);
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
        using (var store = Lite.Open(DurabilityMode.Checkpoint))
        {
            await store.CommitAsync(Record("seed", "seed"));
        }

        // The earlier layout: the key is the _id.
        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var inbox = db.GetCollection("inbox");
            inbox.DeleteAll();
            inbox.Insert(new BsonDocument { ["_id"] = "Ev-b", ["reply"] = "second", ["incident"] = 0, ["at"] = Requests.T0.AddMinutes(2).UtcTicks });
            inbox.Insert(new BsonDocument { ["_id"] = "Ev-a", ["reply"] = "first", ["incident"] = 0, ["at"] = Requests.T0.AddMinutes(1).UtcTicks });
        });

        using (var reopened = Lite.Open(DurabilityMode.Checkpoint))
        {
            Assert.Equal("first", reopened.FindInboxReply("Ev-a")?.Text);
            Assert.Equal(CommitStatus.Duplicate, (await reopened.CommitAsync(Record("Ev-b", "again"))).Status);
            Assert.Equal(CommitStatus.Committed, (await reopened.CommitAsync(Record("Ev-c", "third"))).Status);
        }

        RawDatabase.Edit(Lite.DbPath, db => Assert.Equal(
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

    [Fact]
    public async Task Reopen_InboxDocumentWithoutAccepted_ReadAsAccepted()
    {
        using (var store = Lite.Open(DurabilityMode.Checkpoint))
        {
            await store.CommitAsync(Record("Ev-old", "from an older version"));
        }

        RawDatabase.Edit(Lite.DbPath, db =>
        {
            var inbox = db.GetCollection("inbox");
            var doc = inbox.FindOne(Query.EQ("key", "Ev-old"));
            doc.Remove("accepted");
            inbox.Update(doc);
        });

        using var reopened = Lite.Open(DurabilityMode.Checkpoint);
        Assert.Equal(new InboxReply("from an older version", true), reopened.FindInboxReply("Ev-old"));
        Assert.Equal(new CommitResult(CommitStatus.Duplicate, "from an older version", Accepted: true), await reopened.CommitAsync(Record("Ev-old", "x")));
    }
}
