using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Slack.Testing;

namespace ImtBot.Tests.Slack;

/// <summary>
/// Slack deliveries on the real host: a forged request changes nothing, a redelivered event is applied once, and a
/// mention typed into a title never reaches Slack as a live mention (docs/reliability.md §Mentions and escaping).
/// </summary>
public sealed class SlackDeliveryTests
{
    [Fact]
    public async Task Declare_ForgedSignature_401AndNothingStored()
    {
        await using var slack = await SlackHarness.StartAsync();
        var host = slack.Host;
        var command = SlackPayloads.Command("declare Checkout failing sev1", trigger: "1.1.forged", channel: SlackHarness.General);
        var mention = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> declare Checkout failing sev1", SlackHarness.General), eventId: "EvFORGED").ToJsonString();

        var forgedCommand = await slack.Http.PostAsync("/api/slack/commands", command, SlackSigning.Form, signWith: "not-the-signing-secret");
        var forgedEvent = await slack.Http.PostAsync("/api/slack/events", mention, SlackSigning.Json, signWith: "not-the-signing-secret");
        await slack.FollowUps.WhenAllAsync();
        await host.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forgedCommand.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedEvent.StatusCode);
        Assert.DoesNotContain("INC-", await forgedCommand.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        Assert.Empty(slack.Fake.Calls);

        // The same body signed with the real secret goes through: it was the signature, not the request.
        var signed = await slack.Http.PostAsync("/api/slack/commands", command, SlackSigning.Form);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task Mention_DeliveredTwiceWithRetryNum_AppliedOnceAndAnsweredOnce()
    {
        await using var slack = await SlackHarness.StartAsync();
        var host = slack.Host;
        var fake = slack.Fake;
        var envelope = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> declare Checkout failing sev2", SlackHarness.General), eventId: "EvTWICE").ToJsonString();

        var first = await slack.Http.PostAsync("/api/slack/events", envelope, SlackSigning.Json);
        var second = await slack.Http.PostAsync("/api/slack/events", envelope, SlackSigning.Json, r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });
        await slack.FollowUps.WhenAllAsync();
        await host.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
        var audit = await host.GetJsonAsync("/api/incidents/1/audit");
        Assert.True((bool)audit["valid"]!);
        Assert.Equal(2, (int)audit["events"]!); // declared + participant joined, once
        Assert.Single(fake.CallsTo("conversations.create"));
        Assert.Single(slack.Posts(slack.IncidentChannel.Id, "card"));
        Assert.Single(slack.Posts(SlackHarness.Announcements));
        var answer = Assert.Single(fake.CallsTo("chat.postEphemeral"));
        Assert.Contains("INC-1", answer.Arg("text"));
    }

    [Fact]
    public async Task Mention_SameEnvelopeOnTheReplacementSocket_AppliedOnce()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true);
        var host = slack.Host;
        var fake = slack.Fake;
        var envelope = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> declare Checkout failing sev2", SlackHarness.General), eventId: "EvSOCKETS");
        var first = (SlackSocketDelivery)slack.Deliver;

        await first.SendAsync("events_api", envelope);
        await fake.WaitForCallsAsync("chat.postEphemeral");

        // Slack asks for a refresh: the bot opens a second socket before closing the first, and Slack sends the
        // envelope again there (it had not seen the ack).
        await first.Socket.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-fake"}}""");
        var second = new SlackSocketDelivery(await fake.NextSocketAsync());
        await second.SendAsync("events_api", envelope, retryAttempt: 1);
        await first.Socket.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        await host.DrainOutboxAsync();

        Assert.Equal(2, fake.CallsTo("apps.connections.open").Count);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
        Assert.Equal(2, (int)(await host.GetJsonAsync("/api/incidents/1/audit"))["events"]!);
        Assert.Single(fake.CallsTo("conversations.create"));
        Assert.Single(slack.Posts(slack.IncidentChannel.Id, "card"));
        Assert.Single(slack.Posts(SlackHarness.Announcements));
        Assert.Single(fake.CallsTo("chat.postEphemeral"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Declare_TitleWithChannelAndHereMentions_ReachesSlackEscaped(bool socketMode)
    {
        await using var slack = await SlackHarness.StartAsync(socketMode);
        var fake = slack.Fake;

        var reply = await slack.Deliver.CommandAsync(SlackPayloads.Command("declare <!channel> <!here> checkout is down sev2", trigger: "1.1.mention", channel: SlackHarness.General));
        await slack.Host.DrainOutboxAsync();

        Assert.Equal("<!channel> <!here> checkout is down", (string)(await slack.Host.GetJsonAsync("/api/incidents/1"))["title"]!);
        Assert.DoesNotContain("<!", (string)reply!["text"]!, StringComparison.Ordinal);
        var channel = slack.IncidentChannel;
        Assert.Matches("^inc-1-[a-z0-9_-]+$", channel.Name);
        var card = Assert.Single(slack.Posts(channel.Id, "card"));
        var announcement = Assert.Single(slack.Posts(SlackHarness.Announcements));
        foreach (var message in new[] { card, announcement })
        {
            Assert.Contains(SlackHarness.Parsed(message.Args), s => s.Contains("&lt;!channel&gt; &lt;!here&gt; checkout is down", StringComparison.Ordinal));
        }

        // The card's header is plain_text, which Slack never parses: the title shows there exactly as typed.
        Assert.Contains(SlackHarness.PlainTexts(card.Args), s => s.Contains("<!channel> <!here> checkout is down", StringComparison.Ordinal));

        // Nothing Slack parses in anything the bot sent (messages, edits, replies, topic, purpose) is a live broadcast.
        var sent = fake.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal) || c.Method.StartsWith("conversations.set", StringComparison.Ordinal)).ToList();
        Assert.Contains(sent, c => c.Method == "conversations.setPurpose");
        Assert.All(sent, c => Assert.DoesNotContain(SlackHarness.Parsed(c.Args), s => s.Contains("<!", StringComparison.Ordinal)));
    }
}
