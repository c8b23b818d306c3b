using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreSettingsTests() : SettingsContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    [Fact]
    public async Task SetSettingAsync_WriteFails_TheStoredValueIsStillRead()
    {
        using var store = Lite.Open(DurabilityMode.Checkpoint);
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
