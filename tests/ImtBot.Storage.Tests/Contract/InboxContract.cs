using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using LiteDB;

namespace ImtBot.Storage.Tests.Contract;

/// <summary>
/// The inbox: dedupe keys remembered in memory for <see cref="StorageOptions.InboxWindow"/> of running time, over
/// inbox documents numbered in commit order (random keys as LiteDB <c>_id</c>s cost the writer ~10x an ordered one).
/// </summary>
/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class InboxContract : IDisposable
{
    private protected readonly StoreFixture _temp;

    protected InboxContract(StoreFixture temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    private protected IIncidentStore Open(TimeSpan window) => _temp.Open(window);

    private protected static CommitRequest Record(string key, string reply) => new(key, 0, 0, [], null, [], reply);

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
}
