using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Slack;

/// <summary>
/// Issue 6: a whole incident through Slack on the real host — the real <c>IncidentService</c>, LiteDB file, cards and
/// <c>SlackPlatform</c> — against a fake Slack on loopback, once over the HTTP request URLs (signed) and once over a
/// Socket Mode socket, on a fake clock with the outbox drained step by step.
/// </summary>
public sealed class SlackIncidentFlowTests
{
    private const string Captured = "Rolled back the 09:00 deploy; error rate falling";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WholeIncident_OverHttpOrSocketMode_ChannelCardPageAckCaptureAndReview(bool socketMode)
    {
        await using var slack = await SlackHarness.StartAsync(socketMode);
        var host = slack.Host;
        var fake = slack.Fake;

        // Alice declares in #general: the answer is ephemeral, the incident is stored as a Slack one.
        var declared = await slack.Deliver.CommandAsync(SlackPayloads.Command("declare Checkout failing sev1", trigger: "1.1.declare", channel: SlackHarness.General));
        Assert.Equal("ephemeral", (string?)declared!["response_type"]);
        Assert.Contains("INC-1", (string)declared["text"]!);
        Assert.Equal("slack", (string)Assert.Single(await host.GetArrayAsync("/api/incidents"))!["platform"]!);

        // The outbox opens the channel (topic, purpose, the declarer invited), posts and pins the card, announces.
        await host.DrainOutboxAsync();
        var channel = slack.IncidentChannel;
        Assert.Equal("inc-1-checkout-failing", channel.Name);
        Assert.Contains("INC-1", channel.Purpose);
        Assert.Contains("SEV1", fake.CallsTo("conversations.setTopic")[0].Arg("topic"));
        Assert.Contains("Declared", fake.CallsTo("conversations.setTopic")[0].Arg("topic"));
        Assert.Contains("UALICE", channel.Members);
        var cardPost = Assert.Single(slack.Posts(channel.Id, "card"));
        Assert.Contains(SlackHarness.Strings(cardPost.Args["blocks"]), s => s.Contains("INC-1", StringComparison.Ordinal) && s.Contains("Checkout failing", StringComparison.Ordinal));
        var cardTs = Assert.Single(channel.Pins);
        Assert.Equal(cardTs, (string)Assert.Single(channel.Messages, m => m["metadata"]?["event_payload"]?["target"]?.GetValue<string>() == "card")["ts"]!);
        var announcement = Assert.Single(slack.Posts(SlackHarness.Announcements));
        Assert.Contains("INC-1 declared", announcement.Arg("text"));

        // Alice picks Bob for ops in a users_select whose action_id is the command prefix: Bob is paged in a DM with Acknowledge.
        await slack.Deliver.InteractionAsync(SlackPayloads.UsersSelect("role INC-1 ops", "UBOB", channel: channel.Id, actionTs: "1790000100.000001"));
        var paged = (await fake.WaitForCallsAsync("chat.postEphemeral"))[0];
        Assert.Equal(("UALICE", channel.Id), (paged.Arg("user"), paged.Arg("channel")));
        Assert.Contains("ops", paged.Arg("text"));
        Assert.Contains("Bob", paged.Arg("text")); // the picked person by name, not by id
        await host.DrainOutboxAsync();
        Assert.Contains(fake.CallsTo("conversations.open"), c => c.Arg("users") == "UBOB");
        var page = Assert.Single(slack.Posts("DUBOB", "page"));
        var acknowledge = Assert.Single(Buttons(page), b => (string?)b["text"]?["text"] == "Acknowledge")!;
        Assert.Equal("ack INC-1", (string)acknowledge["value"]!);
        var pending = SlackHarness.Strings(fake.CallsTo("chat.update")[^1].Args["blocks"]);
        Assert.Contains(pending, s => s.StartsWith(":hourglass", StringComparison.Ordinal) && s.Contains("<@UBOB>", StringComparison.Ordinal));

        // Bob clicks Acknowledge in the DM: he holds ops; the card is edited in place, never posted again.
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var updatesBefore = fake.CallsTo("chat.update").Count(c => c.Arg("channel") == channel.Id);
        await slack.Deliver.InteractionAsync(SlackPayloads.Button((string)acknowledge["value"]!, actionTs: "1790000200.000001", channel: "DUBOB", user: "UBOB"));
        var acked = (await fake.WaitForCallsAsync("chat.postEphemeral", 2))[1];
        Assert.Equal(("UBOB", "DUBOB"), (acked.Arg("user"), acked.Arg("channel")));
        await host.DrainOutboxAsync();
        // The incident card and, in the DM, the page card are both edited; the incident card is the channel's.
        var updates = fake.CallsTo("chat.update").Where(c => c.Arg("channel") == channel.Id).ToList();
        Assert.True(updates.Count > updatesBefore, "the card was not updated after the acknowledgement");
        var pageCard = Assert.Single(fake.CallsTo("chat.update"), c => c.Arg("channel") == "DUBOB");
        Assert.DoesNotContain(Buttons(pageCard), b => b["url"] is null); // no Acknowledge / Decline left, only the channel link
        Assert.Contains(SlackHarness.Strings(pageCard.Args["blocks"]), s => s.Contains("You acknowledged this page", StringComparison.Ordinal));
        var refreshed = SlackHarness.Strings(updates[^1].Args["blocks"]);
        Assert.Contains(refreshed, s => s.Contains("Operations lead", StringComparison.Ordinal) && s.Contains("<@UBOB>", StringComparison.Ordinal));
        Assert.DoesNotContain(refreshed, s => s.StartsWith(":hourglass", StringComparison.Ordinal));
        Assert.Contains("UBOB", channel.Members);

        // Bob pins Alice's message with :pushpin:: it is captured on the timeline at the message's own time.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var saidAt = host.Clock.GetUtcNow();
        var said = fake.AddMessage(channel.Id, "UALICE", Captured, saidAt);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await slack.Deliver.EventAsync(SlackPayloads.Event(SlackPayloads.Pushpin(channel.Id, (string)said["ts"]!), eventId: "EvPIN1"));
        var capture = Assert.Single(await host.GetArrayAsync("/api/incidents/1/timeline"), e => (string)e!["type"]! == "message_captured")!;
        Assert.Equal(Captured, (string)capture["data"]!["text"]!);
        Assert.Equal($"{channel.Id}:{said["ts"]}", (string)capture["data"]!["messageId"]!);
        Assert.Equal("UALICE", (string)capture["data"]!["author"]!["id"]!);
        Assert.Equal("UBOB", (string)capture["actor"]!["id"]!);
        Assert.Equal(saidAt, DateTimeOffset.Parse((string)capture["data"]!["postedAt"]!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        await host.DrainOutboxAsync();

        // Through the rest of the lifecycle, typed in the incident channel.
        var trigger = 0;
        foreach (var text in new[] { "update Rolling back the 09:00 deploy", "mitigated", "resolved", "close" })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            var reply = await slack.Deliver.CommandAsync(SlackPayloads.Command(text, trigger: "2.2." + trigger++, channel: channel.Id));
            Assert.Contains("INC-1", (string)reply!["text"]!);
            await host.DrainOutboxAsync();
        }

        // The API: closed, Bob holds ops, the page acknowledged, the update kept, the chain valid.
        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Closed", (string)incident["state"]!);
        Assert.Equal(1, (int)incident["severity"]!);
        var ops = incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "ops")!["holder"]!;
        Assert.Equal(("slack", "UBOB"), ((string)ops["platform"]!, (string)ops["id"]!));
        Assert.Equal("UALICE", (string)incident["declaredBy"]!["id"]!);
        var sentPage = Assert.Single(incident["pages"]!.AsArray())!;
        Assert.Equal("Acknowledged", (string)sentPage["status"]!);
        Assert.Equal(("UBOB", "Bob"), ((string)sentPage["to"]!["id"]!, (string)sentPage["to"]!["name"]!));
        Assert.Equal("Rolling back the 09:00 deploy", (string)Assert.Single(incident["updates"]!.AsArray())!["text"]!);
        var timeline = await host.GetArrayAsync("/api/incidents/1/timeline");
        Assert.Contains(timeline, e => (string)e!["type"]! == "message_captured" && (string)e["data"]!["text"]! == Captured);
        var audit = await host.GetJsonAsync("/api/incidents/1/audit");
        Assert.True((bool)audit["valid"]!);
        Assert.Equal(timeline.Count, (int)audit["events"]!);

        // What Slack saw: one channel, one card post (pinned once) then edits of that same message ending Closed,
        // one page (edited once, when acknowledged), one review, and no message posted twice.
        Assert.Single(fake.CallsTo("conversations.create"));
        Assert.Single(fake.CallsTo("pins.add"));
        Assert.Single(slack.Posts(channel.Id, "card"));
        var cardUpdates = fake.CallsTo("chat.update").Where(u => u.Arg("channel") != "DUBOB").ToList();
        Assert.All(cardUpdates, u => Assert.Equal((channel.Id, cardTs), (u.Arg("channel"), u.Arg("ts"))));
        Assert.Single(fake.CallsTo("chat.update"), u => u.Arg("channel") == "DUBOB");
        Assert.Contains(SlackHarness.Strings(cardUpdates[^1].Args["blocks"]), s => s.Contains("Closed", StringComparison.Ordinal));
        Assert.Contains("Closed", fake.CallsTo("conversations.setTopic")[^1].Arg("topic"));
        Assert.Single(slack.Posts("DUBOB", "page"));
        var review = Assert.Single(slack.Posts(channel.Id, "review"));
        Assert.Contains("INC-1", review.Arg("text"));
        Assert.Contains(SlackHarness.Strings(review.Args["blocks"]), s => s.Contains("<@UBOB>", StringComparison.Ordinal)); // ops, in the review card
        var reviewMarkdown = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("09:03:00 — @Alice said: " + Captured, reviewMarkdown, StringComparison.Ordinal);
        var posts = fake.CallsTo("chat.postMessage").Select(c => (c.Arg("channel"), Step: (string?)c.Args["metadata"]?["event_payload"]?["step"], SlackHarness.Target(c))).ToList();
        Assert.Equal(posts.Count, posts.Distinct().Count());
        Assert.Equal(2, slack.Posts(SlackHarness.Announcements).Count(c => !c.Arg("text")!.StartsWith("Update", StringComparison.Ordinal))); // declared, resolved
        Assert.Subset(
            fake.Calls.Select(c => c.Method).ToHashSet(),
            new HashSet<string> { "conversations.create", "conversations.setTopic", "conversations.setPurpose", "conversations.invite", "chat.postMessage", "pins.add", "chat.update", "conversations.open", "conversations.history", "chat.postEphemeral" });
        Assert.All(fake.Calls.Where(c => c.Method != "apps.connections.open"), c => Assert.Equal("Bearer " + FakeSlack.BotToken, c.Authorization));

        // And it really went the way the theory says: over the socket nothing reached the request URLs.
        if (socketMode)
        {
            Assert.Equal("Bearer " + FakeSlack.AppToken, Assert.Single(fake.CallsTo("apps.connections.open")).Authorization);
            Assert.Equal(0, slack.FollowUps.Requests);
        }
        else
        {
            Assert.Empty(fake.CallsTo("apps.connections.open"));
            Assert.Equal(1 + 2 + 1 + 4, slack.FollowUps.Requests); // declare, two clicks, the pushpin, four commands
        }
    }

    private static IEnumerable<JsonNode> Buttons(FakeCall message) =>
        message.Args["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Where(e => (string?)e!["type"] == "button")
            .Select(e => e!);
}
