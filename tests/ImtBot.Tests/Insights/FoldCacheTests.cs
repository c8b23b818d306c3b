using System.Collections.Concurrent;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImtBot.Tests.Insights;

/// <summary>
/// <c>/api/insights</c>, <c>/api/drills</c> and <c>actions</c> fold every incident; the folds are kept per incident version,
/// so a second request reads no unchanged incident's events from the store, and a command's change is shown at once
/// from the fold it committed.
/// </summary>
public class FoldCacheTests
{
    [Fact]
    public async Task SecondRequest_ReadsNoUnchangedIncident_AndAChangeIsReflected()
    {
        CountingStore? counting = null;
        await using var host = await TestHost.StartAsync(builder =>
        {
            builder.Services.RemoveAll<ICommandStore>();
            builder.Services.AddSingleton<ICommandStore>(sp => counting = new CountingStore(sp.GetRequiredService<LiteIncidentStore>()));
        });
        for (var n = 1; n <= 3; n++)
        {
            Assert.True((await host.SayAsync("alice", "general", $"/incident declare Incident number {n} sev3")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", $"/incident action INC-{n} Follow-up of {n} @bob due 2026-11-20")).Accepted);
        }

        await host.DrainOutboxAsync();
        var first = await host.GetJsonAsync("/api/insights");
        Assert.Equal(3, (int)first["overdueNow"]!);

        counting!.Reads.Clear();
        var second = await host.GetJsonAsync("/api/insights");
        await host.GetArrayAsync("/api/drills");
        var actions = await host.SayAsync("alice", "general", "/incident actions");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Contains("(3)", actions.Text, StringComparison.Ordinal);
        Assert.Empty(counting.Reads);

        // The command on INC-2 decides on the cached fold and keeps the fold it commits, so neither it nor the
        // listings that follow read any event from the store, and they show the new follow-up at once.
        counting.Reads.Clear();
        Assert.True((await host.SayAsync("alice", "general", "/incident action INC-2 Another follow-up @carol due 2026-11-21")).Accepted);
        var third = await host.GetJsonAsync("/api/insights");
        actions = await host.SayAsync("alice", "general", "/incident actions");

        Assert.Equal(4, (int)third["overdueNow"]!);
        Assert.Contains("INC-2 #2 · Another follow-up", actions.Text, StringComparison.Ordinal);
        Assert.Empty(counting.Reads);
    }

    /// <summary>The store as the command service sees it, counting the event reads per incident.</summary>
    private sealed class CountingStore(LiteIncidentStore inner) : ICommandStore
    {
        public ConcurrentDictionary<int, int> Reads { get; } = new();

        public IReadOnlyList<IncidentEvent> GetEvents(int number)
        {
            Reads.AddOrUpdate(number, 1, (_, n) => n + 1);
            return inner.GetEvents(number);
        }

        public Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default) => inner.CommitAsync(request, cancellationToken);

        public InboxReply? FindInboxReply(string inboxKey) => inner.FindInboxReply(inboxKey);

        public int NextIncidentNumber() => inner.NextIncidentNumber();

        public IncidentSnapshot? FindIncident(int number) => inner.FindIncident(number);

        public IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly) => inner.ListIncidents(openOnly);

        public IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to) => inner.ListIncidents(from, to);

        public int? FindIncidentByChannel(ChannelRef channel) => inner.FindIncidentByChannel(channel);

        public string? GetSetting(string key) => inner.GetSetting(key);

        public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) => inner.SetSettingAsync(key, value, cancellationToken);
    }
}
