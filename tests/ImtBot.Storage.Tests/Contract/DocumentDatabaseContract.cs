using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <summary>The host's own collections, on every engine: durable, numbered, queried by field, kept apart from the store's.</summary>
public abstract class DocumentDatabaseContract : IDisposable
{
    private protected readonly StoreFixture _temp;

    protected DocumentDatabaseContract(StoreFixture temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_HostCollection_DurableAndReadable()
    {
        long id;
        using (var store = _temp.Open())
        {
            var lines = store.Documents.Collection<ChatLine>("console_messages");

            id = await lines.WriteAsync(c =>
            {
                var line = new ChatLine { Channel = "general", Text = "hello" };
                c.Insert(line);
                return line.Id;
            });

            Assert.Equal("hello", lines.FindById(id)?.Text);
        }

        using var reopened = _temp.Open();
        Assert.Equal("hello", reopened.Documents.Collection<ChatLine>("console_messages").FindById(id)?.Text);
    }

    [Fact]
    public async Task Insert_NumericIdZero_NumberedOneTwoThreeAndLastIsTheHighest()
    {
        using var store = _temp.Open();
        var lines = store.Documents.Collection<ChatLine>("console_messages");

        foreach (var text in new[] { "a", "b", "c" })
        {
            await lines.WriteAsync(c =>
            {
                c.Insert(new ChatLine { Channel = "general", Text = text });
                return true;
            });
        }

        Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], lines.FindAll().Select(l => (l.Id, l.Text)));
        Assert.Equal("c", await lines.WriteAsync(c => c.Last()?.Text));
        Assert.Equal(3, await lines.WriteAsync(c => c.Count()));
    }

    [Fact]
    public async Task FindWhere_Field_OnlyMatchingDocumentsInIdOrder()
    {
        using var store = _temp.Open();
        var lines = store.Documents.Collection<ChatLine>("console_messages");
        await lines.EnsureIndexAsync(nameof(ChatLine.Channel));
        await lines.WriteAsync(c =>
        {
            c.Insert(new ChatLine { Channel = "inc-1", Text = "one" });
            c.Insert(new ChatLine { Channel = "general", Text = "two" });
            c.Insert(new ChatLine { Channel = "inc-1", Text = "three" });
            return true;
        });

        Assert.Equal(["one", "three"], lines.FindWhere(nameof(ChatLine.Channel), "inc-1").Select(l => l.Text));
        Assert.Empty(lines.FindWhere(nameof(ChatLine.Channel), "nowhere"));
    }

    [Fact]
    public async Task WriterFindWhere_InsideOneWrite_SeesItsOwnInsertsSoALookUpAndInsertPostOnce()
    {
        using var store = _temp.Open();
        var lines = store.Documents.Collection<ChatLine>("console_messages");
        await lines.EnsureIndexAsync(nameof(ChatLine.Channel));

        // Two "insert unless present" writes in a row, and one that inserts and looks up within itself.
        bool InsertOnce(IDocumentWriter<ChatLine> c, string text)
        {
            if (c.FindWhere(nameof(ChatLine.Channel), "inc-7").Count > 0)
            {
                return false;
            }

            c.Insert(new ChatLine { Channel = "inc-7", Text = text });
            return true;
        }

        var first = await lines.WriteAsync(c => InsertOnce(c, "first"));
        var second = await lines.WriteAsync(c => InsertOnce(c, "second"));
        var seenInside = await lines.WriteAsync(c =>
        {
            c.Insert(new ChatLine { Channel = "inc-8", Text = "own" });
            return c.FindWhere(nameof(ChatLine.Channel), "inc-8").Select(l => l.Text).ToList();
        });

        Assert.Equal((true, false), (first, second));
        Assert.Equal(["first"], lines.FindWhere(nameof(ChatLine.Channel), "inc-7").Select(l => l.Text));
        Assert.Equal(["own"], seenInside);
    }

    [Fact]
    public async Task UpsertAndUpdate_StringIds_ReplaceTheStoredDocument()
    {
        using var store = _temp.Open();
        var markers = store.Documents.Collection<Marker>("console_reads");

        await markers.WriteAsync(c =>
        {
            c.Upsert(new Marker { Id = "alice/general", LastRead = 3 });
            c.Upsert(new Marker { Id = "alice/general", LastRead = 5 });
            return true;
        });
        var updatedMissing = await markers.WriteAsync(c => c.Update(new Marker { Id = "bob/general", LastRead = 1 }));

        Assert.Equal(5, markers.FindById("alice/general")?.LastRead);
        Assert.False(updatedMissing);
        Assert.Null(markers.FindById("bob/general"));
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_FaultsOnlyThatCallerAndKeepsNothingOfIt()
    {
        using var store = _temp.Open();
        var lines = store.Documents.Collection<ChatLine>("console_messages");

        var failing = lines.WriteAsync<int>(c =>
        {
            c.Insert(new ChatLine { Text = "half-way" });
            throw new InvalidOperationException("host bug");
        });
        var fine = store.CommitAsync(Requests.Declare(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(CommitStatus.Committed, (await fine).Status);
        Assert.Empty(lines.FindAll());
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentReadModifyWrites_NoneLost()
    {
        // The admin audit appends after the last record it reads: writes to one collection must not interleave.
        using var store = _temp.Open();
        var counter = store.Documents.Collection<Marker>("counters");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => counter.WriteAsync(c =>
        {
            var current = c.FindById("n") ?? new Marker { Id = "n" };
            current.LastRead++;
            c.Upsert(current);
            return true;
        })));

        Assert.Equal(40, counter.FindById("n")?.LastRead);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("Inbox")]
    [InlineData("settings")]
    public void Collection_OfTheIncidentStore_Refused(string name)
    {
        using var store = _temp.Open();

        var error = Assert.Throws<ArgumentException>(() => store.Documents.Collection<ChatLine>(name));

        Assert.Contains("belongs to the incident store", error.Message);
    }

    [Fact]
    public async Task WriteAsync_StoreClosed_Refused()
    {
        var store = _temp.Open();
        var lines = store.Documents.Collection<ChatLine>("console_messages");
        store.Dispose();

        await Assert.ThrowsAnyAsync<Exception>(() => lines.WriteAsync(c => c.Count()));
        Assert.ThrowsAny<Exception>(() => lines.FindAll());
    }

    public sealed class ChatLine
    {
        public long Id { get; set; }

        public string Channel { get; set; } = "";

        public string Text { get; set; } = "";
    }

    public sealed class Marker
    {
        public string Id { get; set; } = "";

        public long LastRead { get; set; }
    }
}
