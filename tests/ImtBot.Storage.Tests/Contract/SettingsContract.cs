using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Contract;

/// <summary>Settings are cached in memory (read on every declaration, written rarely); the cache never disagrees with the file.</summary>
/// <remarks>A contract: runs on every engine (LiteDB and PostgreSQL fixtures derive from it).</remarks>
public abstract class SettingsContract : IDisposable
{
    private protected readonly StoreFixture _temp;

    protected SettingsContract(StoreFixture temp) => _temp = temp;

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
    public async Task GetSettings_SomeKeysSet_ReturnsTheSetOnesAndLeavesOutTheRest()
    {
        using var store = _temp.Open();
        await store.SetSettingAsync("oncall:ops", "[\"ops\"]");
        await store.SetSettingAsync("oncall:comms", "[\"comms\"]");
        await store.SetSettingAsync("unrelated", "x");

        var values = store.GetSettings(["oncall:ops", "oncall:comms", "oncall:scribe"]);

        Assert.Equal(
            new Dictionary<string, string> { ["oncall:ops"] = "[\"ops\"]", ["oncall:comms"] = "[\"comms\"]" },
            values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Empty(store.GetSettings([]));
    }
}
