using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests;

public sealed class LiteDocumentDatabaseTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_HostCollection_DurableAndReadable()
    {
        int id;
        using (var store = _temp.Open())
        {
            var lines = new LiteDocumentDatabase(store).Collection<ChatLine>("console_messages");

            id = await lines.WriteAsync(c => (int)c.Insert(new ChatLine { Text = "hello" }));

            Assert.Equal("hello", lines.Read(c => c.FindById(id).Text));
        }

        using var reopened = _temp.Open();
        Assert.Equal("hello", new LiteDocumentDatabase(reopened).Collection<ChatLine>("console_messages").Read(c => c.FindById(id).Text));
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_FaultsOnlyThatCaller()
    {
        using var store = _temp.Open();
        var lines = new LiteDocumentDatabase(store).Collection<ChatLine>("console_messages");

        var failing = lines.WriteAsync<int>(_ => throw new InvalidOperationException("host bug"));
        var fine = store.CommitAsync(Requests.Declare(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(CommitStatus.Committed, (await fine).Status);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("Inbox")]
    [InlineData("settings")]
    public void Collection_OfTheIncidentStore_Refused(string name)
    {
        using var store = _temp.Open();

        var error = Assert.Throws<ArgumentException>(() => new LiteDocumentDatabase(store).Collection<ChatLine>(name));

        Assert.Contains("belongs to the incident store", error.Message);
    }

    [Fact]
    public async Task WriteAsync_StoreClosed_Refused()
    {
        var store = _temp.Open();
        var lines = new LiteDocumentDatabase(store).Collection<ChatLine>("console_messages");
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => lines.WriteAsync(c => c.Count()));
        Assert.Throws<StorageUnavailableException>(() => lines.Read(c => c.Count()));
    }

    public sealed class ChatLine
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }
}
