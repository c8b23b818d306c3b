using ImtBot.Storage.Tests.Contract;
using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests;

public sealed class LiteDocumentDatabaseTests() : DocumentDatabaseContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Fact]
    public async Task WriteAsync_StoreClosed_RefusedAsClosedAndUnavailable()
    {
        var store = Lite.Open(DurabilityMode.Checkpoint);
        var lines = new LiteDocumentDatabase(store).Collection<ChatLine>("console_messages");
        Func<LiteDB.ILiteCollection<ChatLine>, int> count = c => c.Count();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => lines.WriteAsync(count));
        Assert.Throws<StorageUnavailableException>(() => lines.Read(count));
    }
}
