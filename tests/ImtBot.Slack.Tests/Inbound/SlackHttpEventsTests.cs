using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Inbound;

/// <summary>The Events API: url_verification, redeliveries, app_mention, pushpin capture and captured-message changes.</summary>
public sealed class SlackHttpEventsTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<HttpResponseMessage> PostEventAsync(JsonObject envelope, Action<HttpRequestMessage>? tweak = null) =>
        host.PostSignedAsync("/api/slack/events", envelope.ToJsonString(), "application/json", tweak: tweak);

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        var response = await host.PostSignedAsync("/api/slack/events", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Fact]
    public async Task Events_DeliveredTwiceWithRetryNum_SameDedupeKeyAppliedOnce()
    {
        var envelope = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> declare DB down"), eventId: "Ev0DUPLICATE");

        var first = await PostEventAsync(envelope);
        var retry = await PostEventAsync(envelope, r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var keys = host.Handler.Received.Select(r => r.Chat.DedupeKey).ToList();
        Assert.Equal(["slack:event:Ev0DUPLICATE", "slack:event:Ev0DUPLICATE"], keys);
        Assert.Single(host.Handler.Applied);
    }

    [Fact]
    public async Task Events_DeliveredTwiceWithRetryNum_EphemeralReplyPostedOnce()
    {
        var envelope = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> declare DB down"), eventId: "Ev0TWICE");

        await PostEventAsync(envelope);
        await PostEventAsync(envelope, r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        await host.FollowUps.WhenAllAsync();

        Assert.Equal(2, host.Handler.Received.Count);
        var reply = Assert.Single(host.Fake.CallsTo("chat.postEphemeral"));
        Assert.Equal("ok: declare DB down", reply.Arg("text"));
    }

    [Theory]
    [InlineData("<@UBOT> declare DB down sev2", "declare DB down sev2")]
    [InlineData("<@UBOT|imtbot> status", "status")]
    [InlineData("hey <@UBOT> page <@UBOB> db", "hey page <@UBOB> db")]
    public async Task Events_AppMention_IsACommandWithoutTheBotMention(string text, string expected)
    {
        await PostEventAsync(SlackPayloads.Event(SlackPayloads.Mention(text)));

        var (chat, _) = Assert.Single(host.Handler.Received);
        Assert.Equal(expected, chat.Text);
        Assert.Equal(new UserRef("slack", "UALICE", "Alice"), chat.Actor);
        Assert.Equal("Alice", chat.Actor.DisplayName);
        Assert.Equal(new ChannelRef("slack", "CINC"), chat.Channel);
        var ephemeral = (await host.Fake.WaitForCallsAsync("chat.postEphemeral")).Single();
        Assert.Equal("UALICE", ephemeral.Arg("user"));
    }

    [Fact]
    public async Task Events_NameLookupRateLimited_CommandStillRecordedWithTheId()
    {
        // The Web API client sends once (the outbox owns retries), so a 429 on the lookup falls back to the id at once.
        host.Fake.Fail("users.info", FakeFault.RateLimited(TimeSpan.FromSeconds(30)));

        var response = await host.PostSignedAsync("/api/slack/events", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status")).ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new UserRef("slack", "UALICE", "UALICE"), Assert.Single(host.Handler.Received).Chat.Actor);
        Assert.Equal("UALICE", host.Handler.Received.Single().Chat.Actor.DisplayName);
    }

    [Fact]
    public async Task Events_MentionFromABot_IsIgnored()
    {
        var mention = SlackPayloads.Mention("<@UBOT> declare loop");
        mention["bot_id"] = "BOTHER";

        var response = await PostEventAsync(SlackPayloads.Event(mention));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Events_PushpinInIncidentChannel_CapturesTheMessageAtItsOwnTime()
    {
        var channel = host.Fake.AddChannel("inc-7-db-down");
        var message = host.Fake.AddMessage(channel.Id, "UALICE", "failover started <!here>");
        var ts = (string)message["ts"]!;

        await PostEventAsync(SlackPayloads.Event(SlackPayloads.Pushpin(channel.Id, ts), eventId: "EvPIN"));

        var (chat, parsed) = Assert.Single(host.Handler.Received);
        var capture = Assert.IsType<MessageCaptureCommand>(parsed);
        Assert.Null(capture.Incident); // the service finds the incident by the channel
        Assert.Equal(new ChannelRef("slack", channel.Id), chat.Channel);
        Assert.Equal("slack", capture.Platform);
        Assert.Equal(channel.Id + ":" + ts, capture.MessageId);
        Assert.Equal(new UserRef("slack", "UALICE", "Alice"), capture.Author);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(long.Parse(ts.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)).AddTicks(1000), capture.PostedAt);
        Assert.Equal("failover started <!here>", capture.Text);
        Assert.Equal("pinned", capture.Change);
        Assert.Equal("slack:event:EvPIN", chat.DedupeKey);
        Assert.Equal("UBOB", chat.Actor.Id);
    }

    [Fact]
    public async Task Events_ReactionThatIsNotAPushpin_IsIgnored()
    {
        var channel = host.Fake.AddChannel("inc-7-db-down");
        var ts = (string)host.Fake.AddMessage(channel.Id, "UALICE", "hello")["ts"]!;

        await PostEventAsync(SlackPayloads.Event(SlackPayloads.Pushpin(channel.Id, ts, "thumbsup")));

        Assert.Empty(host.Handler.Received);
        Assert.Empty(host.Fake.CallsTo("conversations.history"));
    }

    [Fact]
    public async Task Events_MessageEditedAndDeleted_AreSentAsChangesForTheServiceToDecide()
    {
        await PostEventAsync(SlackPayloads.Event(SlackPayloads.MessageChanged("CINC", "1790000000.000300", "failover finished"), eventId: "EvEDIT"));
        await PostEventAsync(SlackPayloads.Event(SlackPayloads.MessageDeleted("CINC", "1790000000.000300"), eventId: "EvDEL"));

        var commands = host.Handler.Received.Select(r => Assert.IsType<MessageCaptureCommand>(r.Parsed)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.Equal(("edited", "failover finished", "CINC:1790000000.000300"), (commands[0].Change, commands[0].Text, commands[0].MessageId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790000500), commands[0].PostedAt);
        Assert.Equal(("deleted", "CINC:1790000000.000300"), (commands[1].Change, commands[1].MessageId));
        Assert.All(commands, c => Assert.Null(c.Incident)); // the service finds the incident and whether the message was captured
        Assert.All(host.Handler.Received, r => Assert.Equal(new ChannelRef("slack", "CINC"), r.Chat.Channel));
        Assert.Equal(["slack:event:EvEDIT", "slack:event:EvDEL"], host.Handler.Received.Select(r => r.Chat.DedupeKey));
    }

    [Fact]
    public async Task Events_ChangeOfABotMessage_IsIgnored()
    {
        await PostEventAsync(SlackPayloads.Event(SlackPayloads.MessageChanged("CINC", "1790000000.000300", "card refresh", botId: "BBOT"), eventId: "Ev1"));
        var own = SlackPayloads.MessageChanged("CINC", "1790000000.000301", "card refresh");
        own["message"]!["user"] = "UBOT";
        await PostEventAsync(SlackPayloads.Event(own, eventId: "Ev2"));

        Assert.Empty(host.Handler.Received);
        Assert.Empty(host.Fake.CallsTo("users.info"));
    }
}
