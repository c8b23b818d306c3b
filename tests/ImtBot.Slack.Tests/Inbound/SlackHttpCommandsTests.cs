using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Core.Ports;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Inbound;

/// <summary>Slash commands, interactivity and the declare modal through POST /api/slack/commands and /interactions.</summary>
public sealed class SlackHttpCommandsTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Commands_Declare_ReachesHandlerAndAnswersEphemerally()
    {
        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare DB down sev1", trigger: "111.222.abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (chat, _) = Assert.Single(host.Handler.Received);
        Assert.Equal("declare DB down sev1", chat.Text);
        Assert.Equal(new("slack", "UALICE", "alice"), chat.Actor);
        Assert.Equal("alice", chat.Actor.DisplayName);
        Assert.Equal(new("slack", "CGENERAL"), chat.Channel);
        Assert.Equal("slack:cmd:111.222.abc", chat.DedupeKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal("ok: declare DB down sev1", (string?)body["text"]);
    }

    [Fact]
    public async Task Commands_SlackEscapedText_ReachesTheCoreAsTyped()
    {
        await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare R&amp;D portal &lt;500s&gt; for <@UBOB|bob>"));

        Assert.Equal("declare R&D portal <500s> for <@UBOB|bob>", Assert.Single(host.Handler.Received).Chat.Text);
    }

    [Fact]
    public async Task Commands_ReplyWithControlSequences_IsEscaped()
    {
        host.Handler.Reply = (_, _) => new CommandReply(false, "no such incident: <!channel> <@U1>");

        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("status <!channel>"));

        var text = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"];
        Assert.Equal("no such incident: &lt;!channel&gt; &lt;@U1&gt;", text);
    }

    [Fact]
    public async Task Commands_HundredThousandCharacterTitle_ReachesTheCoreAndTheReplyStaysWithinLimits()
    {
        var title = new string('x', 100_000);
        host.Handler.Reply = (chat, _) => new CommandReply(false, "Title too long: " + chat.Text);

        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare " + title));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("declare " + title, Assert.Single(host.Handler.Received).Chat.Text);
        var text = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!;
        Assert.True(text.Length <= 3900);
        Assert.EndsWith("…", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("declare")]
    public async Task Commands_NoTitle_OpensTheDeclareModal(string text)
    {
        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command(text, trigger: "777.888.modal"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Handler.Received);
        var call = Assert.Single(host.Fake.CallsTo("views.open"));
        Assert.Equal("777.888.modal", call.Arg("trigger_id"));
        var view = call.Args["view"]!;
        Assert.Equal("modal", (string?)view["type"]);
        Assert.Equal("declare", (string?)view["callback_id"]);
        var metadata = JsonNode.Parse((string)view["private_metadata"]!)!;
        Assert.Equal("CGENERAL", (string?)metadata["channel"]);
        Assert.False(string.IsNullOrEmpty((string?)metadata["nonce"]));
    }

    [Fact]
    public async Task Commands_ModalTriggerExpired_ExplainsTheTypedForm()
    {
        host.Fake.Fail("views.open", FakeFault.Answer("expired_trigger_id"));

        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command(""));

        var text = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"];
        Assert.Contains("expired_trigger_id", text);
        Assert.Contains("/incident declare", text);
    }

    [Fact]
    public async Task Interactions_Button_ValueIsCommandTextAndReplyIsEphemeral()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.Button("ack INC-42", actionTs: "1790000000.123456")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (chat, _) = Assert.Single(host.Handler.Received);
        Assert.Equal("ack INC-42", chat.Text);
        Assert.Equal("slack:action:1790000000.123456", chat.DedupeKey);
        Assert.Equal(new("slack", "CINC"), chat.Channel);
        var ephemeral = (await host.Fake.WaitForCallsAsync("chat.postEphemeral")).Single();
        Assert.Equal("CINC", ephemeral.Arg("channel"));
        Assert.Equal("UALICE", ephemeral.Arg("user"));
        Assert.Equal("ok: ack INC-42", ephemeral.Arg("text"));
    }

    [Fact]
    public async Task Interactions_ButtonWithUserAndTextInputs_AppendsThem()
    {
        var state = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["b1"] = new JsonObject { ["user"] = new JsonObject { ["type"] = "users_select", ["selected_user"] = "UBOB" } },
                ["b2"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "db failover done" } },
            },
        };

        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.Button("handover INC-42", state: state)));

        Assert.Equal("handover INC-42 <@UBOB|Bob> db failover done", Assert.Single(host.Handler.Received).Chat.Text);
    }

    [Fact]
    public async Task Interactions_UsersSelect_AppendsSelectedUserToActionId()
    {
        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.UsersSelect("role commander INC-42", "UBOB")));

        var (chat, _) = Assert.Single(host.Handler.Received);
        Assert.Equal("role commander INC-42 <@UBOB|Bob>", chat.Text);
        Assert.Equal("slack:action:1790000000.000002", chat.DedupeKey);
    }

    [Fact]
    public async Task Interactions_UsersSelectOfAnUnknownUser_KeepsTheBareId()
    {
        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.UsersSelect("role ops INC-42", "UNOBODY")));

        Assert.Equal("role ops INC-42 <@UNOBODY>", Assert.Single(host.Handler.Received).Chat.Text);
        Assert.Contains(host.Fake.CallsTo("users.info"), c => c.Arg("user") == "UNOBODY");
    }

    [Fact]
    public async Task Interactions_DeclareSubmission_BecomesDeclareCommandAndClosesTheModal()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ViewSubmission("Checkout failing", "sev1", drill: true)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var (chat, parsed) = Assert.Single(host.Handler.Received);
        Assert.Equal(new DeclareCommand("Checkout failing", 1, true), parsed);
        Assert.Equal(new("slack", "CGENERAL"), chat.Channel);
        Assert.StartsWith("slack:view:n0nce:", chat.DedupeKey);
        await host.Fake.WaitForCallsAsync("chat.postEphemeral");
    }

    [Fact]
    public async Task Interactions_SameSubmissionTwice_HasTheSameDedupeKey()
    {
        var body = SlackPayloads.Interaction(SlackPayloads.ViewSubmission("Checkout failing"));
        await host.PostSignedAsync("/api/slack/interactions", body);
        await host.PostSignedAsync("/api/slack/interactions", body);

        var keys = host.Handler.Received.Select(r => r.Chat.DedupeKey).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Single(host.Handler.Applied);
    }

    [Fact]
    public async Task Interactions_SubmissionWithoutTitle_ErrorsKeyedByBlockId()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ViewSubmission("   ")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.NotNull(body["errors"]!["title"]);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Interactions_SubmissionRejectedByCore_ShowsReasonOnTheTitleBlock()
    {
        host.Handler.Reply = (_, _) => new CommandReply(false, "declaring needs the responder role");

        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ViewSubmission("Checkout failing")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal("declaring needs the responder role", (string?)body["errors"]!["title"]);
    }

    [Fact]
    public async Task Interactions_PayloadNotJson_Is400()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", "payload=%7Bnot-json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Interactions_PayloadWithoutUser_Is400NotAStackTrace()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(new JsonObject { ["type"] = "view_submission", ["view"] = new JsonObject() }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Commands_HandlerFault_Is500SoSlackRetries()
    {
        host.Handler.Reply = (_, _) => throw new IOException("disk full");

        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare DB down"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Slack-No-Retry"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("disk full", host.Logs.All);
    }
}
