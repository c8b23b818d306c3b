using System.Diagnostics;
using System.Text.RegularExpressions;
using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImtBot.Tests.Slack;

/// <summary>
/// An alert storm through Slack's request URLs: 200 SEV1 declarations in 10 s, each paging the on-call commander,
/// against a fake Slack that enforces its rate limits with 429 (Tier 2 — 20 a minute — on <c>conversations.create</c>,
/// <c>setTopic</c>, <c>setPurpose</c> and <c>pins.add</c>; one message a second per channel). Creating 200 channels takes
/// Slack nine minutes whatever the bot does; what the bot owes is to acknowledge every declaration at once, spend the
/// channel budget fully, page the on-call without waiting for other incidents' channels, and leave every incident with
/// one channel, one correct card and one announcement.
/// </summary>
public sealed partial class SlackStormTests(ITestOutputHelper output)
{
    private const int Storm = 200;
    private const int ChannelsPerMinute = 20;

    [Fact]
    public async Task TwoHundredDeclarationsInTenSeconds_PagedAtOnceChannelsAtSlacksRateEachOnce()
    {
        await using var slack = await SlackHarness.StartAsync(
            socketMode: false,
            pacing: true,
            "Incidents:Policies:SEV1:PageOnDeclare:0=commander",
            "Incidents:OnCall:commander:0=UBOB");
        var host = slack.Host;
        slack.Fake.Limits = new FakeRateLimits();
        var start = host.Clock.GetUtcNow();

        // 200 declarations over 10 s, 20 a second, the outbox running between them as the dispatcher would.
        var acks = new List<double>();
        for (var n = 1; n <= Storm; n++)
        {
            var watch = Stopwatch.StartNew();
            var ack = await slack.Http.CommandAsync(SlackPayloads.Command($"declare Checkout errors shard {n} sev1", trigger: $"9.9.{n}", channel: SlackHarness.General));
            acks.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Matches(@"^INC-\d+ declared: Checkout errors shard \d+", (string?)ack?["text"] ?? "");
            if (n % 20 == 0)
            {
                await slack.FollowUps.WhenAllAsync();
                await host.DrainOutboxAsync();
                host.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await host.DrainOutboxAsync();
        var second = 0;
        for (; second < 15 * 60 && !Done(slack); second++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.DrainOutboxAsync();
        }

        var outbox = host.Services.GetRequiredService<IOutbox>();
        output.WriteLine($"every incident had its channel, card and announcement {second + 10} s after the storm began");
        acks.Sort();
        output.WriteLine($"acknowledgements (wall clock, not asserted): median {acks[Storm / 2]:F1} ms, p99 {acks[(int)(Storm * 0.99)]:F1} ms, max {acks[^1]:F1} ms");

        // Within Slack's limits throughout: not one call answered 429.
        Assert.Empty(slack.Fake.Limits.Refused);

        // One channel per incident, made at Slack's rate: 20 at once, then one every 3 s; at 95 % of that rate at least.
        var channels = IncidentChannels(slack);
        Assert.Equal(Storm, channels.Count);
        Assert.Equal(Storm, channels.Select(c => Key(c.Name)).Distinct().Count());
        var created = channels.Select(c => c.Created!.Value - start).Order().ToList();
        var allowed = TimeSpan.FromMinutes((Storm - ChannelsPerMinute) / (double)ChannelsPerMinute);
        output.WriteLine($"channels: first {created[0].TotalSeconds:F0} s, last {created[^1].TotalSeconds:F0} s (Slack allows the last at {allowed.TotalSeconds:F0} s)");
        Assert.True(created[^1] <= allowed / 0.95, $"the last channel came at {created[^1]}, later than at 95 % of Slack's rate ({allowed / 0.95})");

        // Every incident paged Bob at once, at his direct message's own pace (one a second): none waited for a channel.
        // (Bob answers none, so each page is sent again when it times out: only the first of each incident counts.)
        var firstPages = slack.Posts("DUBOB", "page")
            .GroupBy(p => Key(string.Join(" ", SlackHarness.Strings(p.Args))))
            .ToDictionary(g => g.Key, g => g.Min(p => p.At));
        Assert.Equal(Storm, firstPages.Count);
        var lastPage = firstPages.Values.Max() - start;
        output.WriteLine($"pages: the last incident's first page at {lastPage.TotalSeconds:F0} s");
        Assert.True(lastPage <= TimeSpan.FromSeconds(Storm + 15), $"the last first page went at {lastPage}: pages waited behind channels");
        var pagedBeforeTheirChannel = channels.Count(c => firstPages[Key(c.Name)] < c.Created);
        Assert.True(pagedBeforeTheirChannel >= Storm / 2, $"only {pagedBeforeTheirChannel} incidents were paged before their channel was made");

        // Each channel has one card, pinned, showing its incident; each incident was announced once.
        lock (slack.Fake.Gate)
        {
            foreach (var channel in channels)
            {
                var card = Assert.Single(channel.Messages, m => (string?)m["metadata"]?["event_payload"]?["target"] == "card");
                Assert.Equal([(string)card["ts"]!], channel.Pins);
                var shown = string.Join(" ", SlackHarness.Strings(card));
                Assert.Contains(Key(channel.Name), shown, StringComparison.Ordinal);
                Assert.Contains("Checkout errors shard", shown, StringComparison.Ordinal);
            }
        }

        var announced = slack.Posts(SlackHarness.Announcements).Select(c => Incident().Match(c.Arg("text") ?? "").Value).ToList();
        Assert.Equal(Storm, announced.Count);
        Assert.Equal(Storm, announced.Distinct().Count());

        // Bob answers no page, so pages time out and go again and reminders follow: that work goes on. None of it failed.
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
    }

    private static bool Done(SlackHarness slack)
    {
        lock (slack.Fake.Gate)
        {
            return IncidentChannels(slack).Count(c => c.Pins.Count > 0) == Storm && slack.Posts(SlackHarness.Announcements).Count >= Storm;
        }
    }

    private static List<FakeChannel> IncidentChannels(SlackHarness slack)
    {
        lock (slack.Fake.Gate)
        {
            return [.. slack.Fake.Channels.Values.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal))];
        }
    }

    /// <summary>The incident key a channel name (<c>inc-42-…</c>) or a message names.</summary>
    private static string Key(string text) =>
        text.StartsWith("inc-", StringComparison.Ordinal) ? "INC-" + text.Split('-')[1] : Incident().Match(text).Value;

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex Incident();
}
