using System.Collections.Concurrent;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Moq;

namespace ImtBot.Teams.Tests.TestKit;

/// <summary>A store double (the command store, settings included) whose settings and channel links live in dictionaries.</summary>
public static class StoreMock
{
    public static Mock<ICommandStore> Create(ConcurrentDictionary<string, string> settings, ConcurrentDictionary<string, int>? channels = null)
    {
        var store = new Mock<ICommandStore>(MockBehavior.Loose);
        store.Setup(s => s.GetSetting(It.IsAny<string>())).Returns((string key) => settings.TryGetValue(key, out var v) ? v : null);
        store.Setup(s => s.SetSettingAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string key, string value, CancellationToken _) => settings[key] = value)
            .Returns(Task.CompletedTask);
        store.Setup(s => s.FindIncidentByChannel(It.IsAny<ChannelRef>()))
            .Returns((ChannelRef c) => channels is not null && channels.TryGetValue(c.Id, out var n) ? n : null);
        return store;
    }
}
