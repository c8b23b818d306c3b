using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Slack.SocketMode;
using ImtBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImtBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode lifecycle against a fake server on 127.0.0.1: hello, acks, fragments, refresh with overlap, link_disabled, reconnect.</summary>
public sealed class SlackSocketModeServiceTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync(socketMode: true);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string Envelope(string id, string type, JsonObject payload, bool acceptsPayload) => new JsonObject
    {
        ["envelope_id"] = id,
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = acceptsPayload,
    }.ToJsonString();

    private static JsonObject SlashPayload(string text, string trigger) => new()
    {
        ["token"] = "x", ["team_id"] = "T111", ["channel_id"] = "CGENERAL", ["user_id"] = "UALICE", ["user_name"] = "alice",
        ["command"] = "/incident", ["text"] = text, ["trigger_id"] = trigger, ["api_app_id"] = "A111",
    };

    [Fact]
    public async Task Connect_UsesAppTokenAndAcksSlashCommandWithTheReply()
    {
        var socket = await host.Fake.NextSocketAsync();

        await socket.SendAsync(Envelope("env-1", "slash_commands", SlashPayload("declare DB down", "123.456.sock"), acceptsPayload: true));
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;

        Assert.Equal("Bearer " + FakeSlack.AppToken, host.Fake.CallsTo("apps.connections.open").Single().Authorization);
        Assert.Equal("env-1", (string?)ack["envelope_id"]);
        Assert.Equal("ephemeral", (string?)ack["payload"]!["response_type"]);
        Assert.Equal("ok: declare DB down", (string?)ack["payload"]!["text"]);
        var (chat, _) = Assert.Single(host.Handler.Received);
        Assert.Equal("slack:cmd:123.456.sock", chat.DedupeKey);
    }

    [Fact]
    public async Task Envelope_EventsApi_AckedWithoutPayloadAfterTheCommand()
    {
        var socket = await host.Fake.NextSocketAsync();

        await socket.SendAsync(Envelope("env-2", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvSOCK"), acceptsPayload: false));
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!.AsObject();

        Assert.Equal("env-2", (string?)ack["envelope_id"]);
        Assert.False(ack.ContainsKey("payload"));
        Assert.Equal("slack:event:EvSOCK", Assert.Single(host.Handler.Received).Chat.DedupeKey);
    }

    [Fact]
    public async Task Envelope_InteractiveViewSubmission_AckCarriesErrors()
    {
        var socket = await host.Fake.NextSocketAsync();

        await socket.SendAsync(Envelope("env-3", "interactive", SlackPayloads.ViewSubmission(""), acceptsPayload: true));
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;

        Assert.Equal("errors", (string?)ack["payload"]!["response_action"]);
        Assert.NotNull(ack["payload"]!["errors"]!["title"]);
    }

    [Fact]
    public async Task Envelope_SentInFragments_IsReassembled()
    {
        var socket = await host.Fake.NextSocketAsync();
        var longText = "<@UBOT> note " + new string('x', 200_000);

        await socket.SendFragmentsAsync(Envelope("env-4", "events_api", SlackPayloads.Event(SlackPayloads.Mention(longText), "EvBIG"), acceptsPayload: false), parts: 7);
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;

        Assert.Equal("env-4", (string?)ack["envelope_id"]);
        Assert.Equal("note " + new string('x', 200_000), Assert.Single(host.Handler.Received).Chat.Text);
    }

    [Fact]
    public async Task Disconnect_RefreshRequested_OpensTheNewSocketBeforeClosingTheOld()
    {
        var old = await host.Fake.NextSocketAsync();
        host.Fake.SendHello = false;

        await old.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-111.slack.com"}}""");
        var replacement = await host.Fake.NextSocketAsync();

        Assert.False(old.IsClosed);
        await old.SendAsync(Envelope("env-5", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvOVERLAP"), acceptsPayload: false));
        Assert.Equal("env-5", (string?)JsonNode.Parse(await old.ReceiveAsync())!["envelope_id"]);
        await replacement.SendAsync("""{"type":"hello","num_connections":2}""");
        await old.Closed.WaitAsync(TimeSpan.FromSeconds(20));

        await replacement.SendAsync(Envelope("env-6", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvOVERLAP"), acceptsPayload: false));
        Assert.Equal("env-6", (string?)JsonNode.Parse(await replacement.ReceiveAsync())!["envelope_id"]);
        Assert.Equal(2, host.Fake.CallsTo("apps.connections.open").Count);
        Assert.NotEqual(old.Ticket, replacement.Ticket);
        Assert.Single(host.Handler.Applied);
        Assert.False(replacement.IsClosed);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsWithAClearLogLine()
    {
        var socket = await host.Fake.NextSocketAsync();

        await socket.SendAsync("""{"type":"disconnect","reason":"link_disabled","debug_info":{"host":"wss-111.slack.com"}}""");
        var service = host.Services.GetServices<IHostedService>().OfType<SlackSocketModeService>().Single();
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20));

        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Single(host.Fake.CallsTo("apps.connections.open"));
        Assert.Contains("Socket Mode was turned off for this app (link_disabled)", host.Logs.All);
    }

    [Fact]
    public async Task Socket_DroppedByTheNetwork_ReconnectsAfterBackoffOnTheClock()
    {
        var first = await host.Fake.NextSocketAsync();

        first.Abort();
        await host.Clock.WaitForTimerAsync(SlackSocketModeService.Backoff(1));
        Assert.Single(host.Fake.CallsTo("apps.connections.open"));
        host.Clock.Advance(SlackSocketModeService.Backoff(1));
        var second = await host.Fake.NextSocketAsync();

        await second.SendAsync(Envelope("env-7", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvAGAIN"), acceptsPayload: false));
        Assert.Equal("env-7", (string?)JsonNode.Parse(await second.ReceiveAsync())!["envelope_id"]);
        Assert.Equal(2, host.Fake.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task Envelope_HandlerFault_IsNotAckedSoSlackRedelivers()
    {
        var socket = await host.Fake.NextSocketAsync();
        host.Handler.Reply = (chat, _) => chat.Text == "boom" ? throw new IOException("disk full") : new(true, "fine");

        await socket.SendAsync(Envelope("env-8", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> boom"), "EvFAIL"), acceptsPayload: false));
        await host.Logs.WaitForAsync("not acked");
        await socket.SendAsync(Envelope("env-9", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvOK"), acceptsPayload: false));

        Assert.Equal("env-9", (string?)JsonNode.Parse(await socket.ReceiveAsync())!["envelope_id"]);
    }

    [Fact]
    public async Task Envelope_PayloadThatDoesNotRead_IsAckedAndNotHandled()
    {
        var socket = await host.Fake.NextSocketAsync();
        var payload = SlackPayloads.ViewSubmission("Checkout failing");
        payload.Remove("user");

        await socket.SendAsync(Envelope("env-11", "interactive", payload, acceptsPayload: true));
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!.AsObject();

        Assert.Equal("env-11", (string?)ack["envelope_id"]);
        Assert.False(ack.ContainsKey("payload"));
        Assert.Empty(host.Handler.Received);
        Assert.Contains("acked without handling", host.Logs.All);
        Assert.Contains("view_submission payload", host.Logs.All);
    }

    [Fact]
    public async Task Frame_NotJson_IsSkippedAndTheConnectionKeepsWorking()
    {
        var socket = await host.Fake.NextSocketAsync();

        await socket.SendAsync("{not json");
        await socket.SendAsync(Envelope("env-10", "events_api", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"), "EvAFTERBAD"), acceptsPayload: false));

        Assert.Equal("env-10", (string?)JsonNode.Parse(await socket.ReceiveAsync())!["envelope_id"]);
        Assert.Single(host.Fake.CallsTo("apps.connections.open"));
        Assert.Contains("not JSON was skipped", host.Logs.All);
    }

    [Fact]
    public void Backoff_GrowsAndIsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), SlackSocketModeService.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(8), SlackSocketModeService.Backoff(4));
        Assert.Equal(TimeSpan.FromSeconds(60), SlackSocketModeService.Backoff(30));
    }
}
