using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>
/// Issue 23 §3: a process killed after the console platform posted but before the step was recorded done. The step's
/// lease runs out and it runs again: the console finds what it posted (keyed by the step, checked in the same write)
/// and posts nothing twice — one welcome, one pinned card, one announcement.
/// </summary>
public sealed class ConsoleStepRunTwiceTests
{
    [Fact]
    public async Task StepsRunByAKilledProcess_RunAgainAfterTheLease_NothingPostedTwice()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Cache stampede sev2")).Accepted);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var incidents = host.Services.GetRequiredService<IIncidentReader>();
        var console = host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "console");

        // The killed process ran every step but recorded only the channel: the rest stay leased to it.
        var leased = await outbox.LeaseDueAsync("killed-process", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), 50);
        Assert.Contains(leased, s => s.Kind == "sync_card");
        Assert.Contains(leased, s => s.Kind == "announce");
        foreach (var step in leased.Where(s => s.Kind != "timer"))
        {
            var context = new EffectContext(step.Key, incidents.Get(step.Incident)!, EffectKinds.Deserialize(step.Payload), outbox.GetLinks(step.Incident), step.Attempts);
            var outcome = await console.ExecuteAsync(context, CancellationToken.None);
            if (step.Kind == "open_channel")
            {
                await outbox.CompleteStepAsync(step.Key, outcome.Links, host.Clock.GetUtcNow());
            }
        }

        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        var before = (await host.MessagesAsync(channel)).Count;
        var announcedBefore = (await host.MessagesAsync("announcements")).Count;

        await host.AdvanceAsync(TimeSpan.FromMinutes(3));
        await host.DrainOutboxAsync();

        var messages = await host.MessagesAsync(channel);
        Assert.Single(messages, m => (bool)m!["pinned"]!);
        Assert.Single(messages, m => m!["card"] is not null && ((string)m["text"]!).StartsWith("INC-1 ·", StringComparison.Ordinal));
        Assert.Single(messages, m => ((string)m!["text"]!).Contains("was declared by", StringComparison.Ordinal));
        Assert.Equal(before, messages.Count);
        Assert.Equal(announcedBefore, (await host.MessagesAsync("announcements")).Count);
        Assert.Empty(outbox.GetSteps(OutboxStatus.InFlight));
        Assert.DoesNotContain(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
    }
}
