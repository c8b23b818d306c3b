using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Tests.Paging;

public class OnCallListsTests
{
    [Fact]
    public void Current_EveryRole_ReadsTheStoredListsInOneCall()
    {
        var settings = new CountingSettings
        {
            [OnCallLists.SettingKey("ops")] = OnCallLists.Serialize([new UserRef("slack", "U1", "Ann")]),
        };
        var options = new IncidentOptions { OnCall = new(StringComparer.OrdinalIgnoreCase) { ["comms"] = ["U2"] } };

        var lists = OnCallLists.Current(options, settings, "slack");

        // One read for every role: on a shared database each read is a round trip, and a declaration asks this.
        Assert.Equal(1, settings.Reads);
        Assert.Equal(["comms", "ops"], lists.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ann", lists["ops"][0].DisplayName);
        Assert.Equal(new UserRef("slack", "U2", "U2"), lists["comms"][0]);
    }

    /// <summary>Settings in memory that count the reads, one a call whatever the number of keys.</summary>
    private sealed class CountingSettings : Dictionary<string, string>, ISettingsStore
    {
        public int Reads { get; private set; }

        public string? GetSetting(string key)
        {
            Reads++;
            return TryGetValue(key, out var value) ? value : null;
        }

        public IReadOnlyDictionary<string, string> GetSettings(IReadOnlyCollection<string> keys)
        {
            Reads++;
            return keys.Where(ContainsKey).ToDictionary(k => k, k => this[k]);
        }

        public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
        {
            this[key] = value;
            return Task.CompletedTask;
        }
    }
}
