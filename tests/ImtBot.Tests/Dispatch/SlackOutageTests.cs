using ImtBot.ConsoleChat;
using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using ImtBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// Issue 23: a Slack outage of minutes loses nothing that was acknowledged. Against the fake Slack answering 500 (or
/// 429) to every call, on a fake clock: every step is delivered once Slack is back, each incident's in order; the
/// commander is told once while it lasts and once when it ends; a reply during it says queued, not done.
/// </summary>
public sealed class SlackOutageTests
{
    [Fact]
    public async Task FiveMinuteServerErrorOutage_NothingLostDeliveredInOrderCommanderToldOnce()
    {
        // Told after 2 minutes here: with the default 5 the last fault of a 5-minute outage may come just before it.
        await using var slack = await SlackHarness.StartAsync(false, "Dispatcher:TellAfter=00:02:00");
        var (host, fake) = (slack.Host, slack.Fake);
        fake.FailEverythingUntil(host.Clock.GetUtcNow().AddSeconds(300), FakeFault.ServerError());

        var first = await DeclareAsync(slack, "Checkout failing sev1", "1.1.a");
        Assert.DoesNotContain("not answering", first, StringComparison.Ordinal);
        await host.DrainOutboxAsync();

        // Slack has failed once now: the next acknowledgement says what is queued instead of claiming it happened.
        var second = await DeclareAsync(slack, "Search slow sev2", "1.1.b");
        Assert.Contains("Slack is not answering", second, StringComparison.Ordinal);
        var update = await slack.Deliver.CommandAsync(SlackPayloads.Command("update INC-1 Rolling back", trigger: "1.1.c"));
        Assert.StartsWith("Update queued: Slack is not answering; it will be posted when Slack recovers.", (string)update!["text"]!, StringComparison.Ordinal);

        await RunForAsync(host, TimeSpan.FromMinutes(15));

        AssertNothingLeft(host);
        var channels = fake.Channels.Values.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["inc-1-checkout-failing", "inc-2-search-slow"], channels.Select(c => c.Name));
        foreach (var channel in channels)
        {
            // One card each (no duplicate from the failed attempts), posted after its channel was created.
            var card = Assert.Single(slack.Posts(channel.Id, "card"));
            var created = fake.CallsTo("conversations.create").Last(c => c.Arg("name") == channel.Name);
            Assert.True(card.At >= created.At);
        }

        Assert.Equal(3, slack.Posts(SlackHarness.Announcements).Count); // two declarations and the update
        Assert.Single(slack.Posts(channels[0].Id, "channel"), p => p.Arg("text")?.Contains("Rolling back", StringComparison.Ordinal) == true || SlackHarness.Strings(p.Args["blocks"]).Any(s => s.Contains("Rolling back", StringComparison.Ordinal)));

        // Told once while Slack was down (on the console, since a Slack DM could not arrive), once on Slack after.
        var chat = host.Services.GetRequiredService<ConsoleChatService>();
        var down = chat.MessagesFor(ConsoleChatService.DirectChannelId("UALICE"), "UALICE").Where(m => m.Text.Contains("has not answered", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, down.Count); // one per incident Alice commands, from the one outage
        Assert.Equal(2, slack.Posts("DUALICE", "notify").Count(p => p.Arg("text")?.Contains("answering again", StringComparison.Ordinal) == true));
        Assert.Null(host.Services.GetRequiredService<IPlatformHealth>().FailingSince("slack"));
    }

    [Fact]
    public async Task FourMinuteRateLimitRun_NothingDeadLetteredEverythingDelivered()
    {
        await using var slack = await SlackHarness.StartAsync();
        var (host, fake) = (slack.Host, slack.Fake);
        fake.FailEverythingUntil(host.Clock.GetUtcNow().AddSeconds(240), FakeFault.RateLimited(TimeSpan.FromSeconds(5)));

        await DeclareAsync(slack, "Checkout failing sev1", "1.1.a");
        await RunForAsync(host, TimeSpan.FromMinutes(12));

        AssertNothingLeft(host);
        Assert.Single(slack.Posts(slack.IncidentChannel.Id, "card"));
        Assert.Single(slack.Posts(SlackHarness.Announcements));
    }

    [Fact]
    public async Task PendingCardRefreshes_CoalescedIntoOneUpdate()
    {
        await using var slack = await SlackHarness.StartAsync();
        var host = slack.Host;
        await DeclareAsync(slack, "Checkout failing sev1", "1.1.a");
        await host.DrainOutboxAsync();
        var updates = slack.Fake.CallsTo("chat.update").Count;
        var infos = slack.Fake.CallsTo("conversations.info").Count;

        for (var i = 0; i < 4; i++)
        {
            await slack.Deliver.CommandAsync(SlackPayloads.Command($"update INC-1 Step {i}", trigger: "1.2." + i));
        }

        await host.DrainOutboxAsync();

        Assert.Equal(updates + 1, slack.Fake.CallsTo("chat.update").Count);
        Assert.Equal(4, slack.Posts(slack.IncidentChannel.Id, "channel").Count);
        Assert.Equal(infos, slack.Fake.CallsTo("conversations.info").Count); // the topic is known: no lookup per refresh
    }

    private static async Task<string> DeclareAsync(SlackHarness slack, string what, string trigger)
    {
        var reply = await slack.Deliver.CommandAsync(SlackPayloads.Command("declare " + what, trigger: trigger, channel: SlackHarness.General));
        return (string)reply!["text"]!;
    }

    /// <summary>Moves the clock in small steps, running whatever falls due, as the background dispatcher would.</summary>
    private static async Task RunForAsync(Infrastructure.TestHost host, TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(10))
        {
            await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static void AssertNothingLeft(Infrastructure.TestHost host)
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
        Assert.Empty(outbox.GetSteps(OutboxStatus.InFlight));
        Assert.DoesNotContain(outbox.GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
    }
}
