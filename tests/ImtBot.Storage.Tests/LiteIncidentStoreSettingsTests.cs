using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests;

/// <summary>Settings are cached in memory (read on every declaration, written rarely); the cache never disagrees with the file.</summary>
public sealed class LiteIncidentStoreSettingsTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SetSettingAsync_ManyWritesInFlight_LastOneWinsInMemoryAndOnFile()
    {
        using (var store = _temp.Open())
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.SetSettingAsync("oncall:ops", $"v{i}")));

            Assert.Equal("v49", store.GetSetting("oncall:ops"));
        }

        using var reopened = _temp.Open();
        Assert.Equal("v49", reopened.GetSetting("oncall:ops"));
    }

    [Fact]
    public async Task SetSettingAsync_WriteFails_TheStoredValueIsStillRead()
    {
        using var store = _temp.Open();
        await store.SetSettingAsync("oncall:ops", "alice");
        store.FaultHook = (point, request) =>
        {
            if (point == Storage.Writer.FaultPoint.BeforeCommit && request is null)
            {
                throw new InvalidOperationException("injected");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SetSettingAsync("oncall:ops", "bob"));
        store.FaultHook = null;

        Assert.Equal("alice", store.GetSetting("oncall:ops"));
    }
}
