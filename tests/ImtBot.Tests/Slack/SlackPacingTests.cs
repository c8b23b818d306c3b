using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Slack;

/// <summary>
/// Slack allows one message a second per channel, and every incident's announcement goes to the one announcements
/// channel. Steps waiting for their turn there give their dispatcher slot back: the other incidents' channels and cards
/// go out meanwhile, and the announcements follow one a second, each once, without being taken for faults.
/// </summary>
public sealed class SlackPacingTests
{
    [Fact]
    public async Task FiveDeclaredAtOnce_ChannelsOpenAtOnceAnnouncementsFollowOneASecondEachOnce()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: false, pacing: true);
        var host = slack.Host;
        await DeclareAsync(slack, 5);

        // No time has passed: every incident has its channel and card; one announcement went, the others wait their turn.
        var channels = slack.Fake.Channels.Values.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, channels.Count);
        Assert.All(channels, c => Assert.Single(slack.Posts(c.Id, "card")));
        Assert.Single(slack.Posts(SlackHarness.Announcements));
        var outbox = host.Services.GetRequiredService<IOutbox>();
        Assert.Empty(outbox.GetSteps(OutboxStatus.InFlight));
        var waiting = outbox.GetSteps(OutboxStatus.Pending).Where(s => s.Kind == "announce").ToList();
        Assert.Equal(4, waiting.Count);
        Assert.All(waiting, s => Assert.Equal((0, (DateTimeOffset?)null), (s.Attempts, s.FailingSince)));
        Assert.All(waiting, s => Assert.True(s.DueAt > host.Clock.GetUtcNow(), s.Key));

        for (var second = 1; second <= 6; second++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.DrainOutboxAsync();
        }

        var announced = slack.Posts(SlackHarness.Announcements);
        Assert.Equal(["INC-1", "INC-2", "INC-3", "INC-4", "INC-5"], announced.Select(c => System.Text.RegularExpressions.Regex.Match(c.Arg("text") ?? "", @"INC-\d+").Value).Order());
        Assert.All(announced.Zip(announced.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(1)));
        Assert.Empty(slack.Fake.CallsTo("conversations.history"));
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
        Assert.DoesNotContain(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
    }

    [Fact]
    public async Task UpdateWhoseAnnouncementMustWait_ChannelMessageKeptNotLookedForOrPostedAgain()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: false, pacing: true);
        var host = slack.Host;
        await DeclareAsync(slack, 7);
        for (var second = 1; second <= 2; second++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.DrainOutboxAsync();
        }

        // The announcements channel still has a queue of four. An incident already announced (which one depends on
        // the order the declarations reached the dispatcher) posts its update's channel message as soon as that
        // channel's own pace allows, while the update's announcement must wait its turn.
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var waiting = outbox.GetSteps(OutboxStatus.Pending).Where(s => s.Kind != "timer").Select(s => s.Incident).ToHashSet();
        var announced = Enumerable.Range(1, 7).First(n => !waiting.Contains(n));
        var channel = slack.Fake.Channels[outbox.GetLinks(announced)["slack:channel"]];
        await slack.Http.PostAsync("/api/slack/commands", SlackPayloads.Command("update Failing over to the replica", trigger: "2.2.1", channel: channel.Id), SlackSigning.Form);
        await slack.FollowUps.WhenAllAsync();
        await host.DrainOutboxAsync();
        for (var second = 1; second <= 2 && slack.Posts(channel.Id, "channel").Count == 0; second++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.DrainOutboxAsync();
        }

        Assert.Single(slack.Posts(channel.Id, "channel"));
        var update = Assert.Single(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind == "post_update");
        Assert.Equal(0, update.Attempts);

        for (var second = 1; second <= 8; second++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.DrainOutboxAsync();
        }

        Assert.Single(slack.Posts(channel.Id, "channel"));
        Assert.Single(slack.Posts(SlackHarness.Announcements), c => (c.Arg("text") ?? "").Contains("Failing over", StringComparison.Ordinal) || SlackHarness.Strings(c.Args).Any(t => t.Contains("Failing over", StringComparison.Ordinal)));
        Assert.Empty(slack.Fake.CallsTo("conversations.history"));
        Assert.DoesNotContain(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
    }

    /// <summary>Declares <paramref name="count"/> incidents from #general at once and runs what is due without moving the clock.</summary>
    private static async Task DeclareAsync(SlackHarness slack, int count)
    {
        foreach (var n in Enumerable.Range(1, count))
        {
            await slack.Http.PostAsync("/api/slack/commands", SlackPayloads.Command($"declare Shard {n} down sev2", trigger: $"1.1.{n}", channel: SlackHarness.General), SlackSigning.Form);
        }

        await slack.FollowUps.WhenAllAsync();
        await slack.Host.DrainOutboxAsync();
    }
}
