using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ImtBot.Teams.Tests.Activities;

/// <summary>The real Teams payloads (docs/protocols.md §Teams activities) through <c>/api/messages</c> with signed tokens.</summary>
public sealed class ActivityRouterTests : IAsyncLifetime
{
    private const string ChannelId = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
    private const string ThreadId = ChannelId + ";messageid=1759881511856";
    private readonly TeamsTestHost host = new();

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        host.PostAsync(activity.ToJsonString(), "Bearer " + host.ValidToken(activity["serviceUrl"]!.GetValue<string>()));

    [Fact]
    public async Task Message_RealChannelMention_StripsOnlyTheBotMentionAndRepliesInTheThread()
    {
        var response = await SendAsync(Payloads.Node("channel-message-mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = Assert.Single(host.Received);
        Assert.Equal("reply to thread", command.Text);
        Assert.Equal(new ImtBot.Core.Platforms.UserRef("teams", "b15a9416-0ad3-4172-9210-7beb711d3f70", "rido"), command.Actor);
        Assert.Equal("rido", command.Actor.DisplayName);
        Assert.Equal(new ImtBot.Core.Platforms.ChannelRef("teams", ChannelId), command.Channel);
        Assert.Equal($"teams:1759944781430:{ThreadId}", command.DedupeKey);

        var reply = await host.Http.WaitForAsync(r => r.Url.Contains("/activities/", StringComparison.Ordinal));
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1759944781430",
            reply.RawUrl);
        Assert.Equal("Bearer " + TeamsTestHost.BotToken, reply.Authorization);
        Assert.Equal("INC-42 declared", reply.Json["text"]!.GetValue<string>());
        Assert.Equal("1759944781430", reply.Json["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_OtherUserMention_BecomesTheParsersUserToken()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["text"] = "<at>ridotest</at> role commander <at>Alice Smith</at>";
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Alice Smith</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:alice", ["name"] = "Alice Smith" },
        });
        host.Http.On(HttpMethod.Get, "/members/29%3Aalice", HttpStatusCode.OK, """{"id":"29:alice","name":"Alice Smith","aadObjectId":"aad-alice"}""");

        await SendAsync(activity);

        Assert.Equal("role commander <@aad-alice|Alice Smith>", Assert.Single(host.Received).Text);
    }

    [Fact]
    public async Task Message_InAChannelWithoutMentioningTheBot_IsNotACommand()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["text"] = "declare just chatting";
        activity["entities"]!.AsArray().RemoveAt(0);

        var response = await SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task Message_InAPersonalChatWithoutMention_IsACommand()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["text"] = "status INC-42";
        activity["entities"]!.AsArray().RemoveAt(0);
        activity["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TeamsTestHost.TenantId };

        await SendAsync(activity);

        var command = Assert.Single(host.Received);
        Assert.Equal("status INC-42", command.Text);
        Assert.Equal("a:1personal", command.Channel.Id);
    }

    [Fact]
    public async Task Message_InAThreadOfTheTeamsGeneralChannel_NamesTheWholeThreadAsChannel()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["channelData"]!["team"]!["id"] = ChannelId; // General's id is the team's id: where fallback threads live

        await SendAsync(activity);

        Assert.Equal(ThreadId, Assert.Single(host.Received).Channel.Id);
        host.Store.Verify(s => s.FindIncidentByChannel(It.IsAny<ImtBot.Core.Platforms.ChannelRef>()), Times.Never); // the core looks it up, once
    }

    [Fact]
    public async Task Message_FromAnUntrustedServiceUrl_IsHandledButNoTokenIsSentThere()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["serviceUrl"] = "https://evil.example/";
        var replies = new TaskCompletionSource<Task>();
        host.Services.GetRequiredService<ActivityRouter>().ReplyStarted += t => replies.TrySetResult(t);

        var response = await SendAsync(activity);
        await await replies.Task;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Received);
        Assert.DoesNotContain(host.Http.Requests, r => r.Url.Contains("evil.example", StringComparison.Ordinal));
        Assert.Equal(0, host.Http.Count(HttpMethod.Post, "/oauth2/v2.0/token"));
        Assert.Contains(host.Logs.Lines, l => l.Contains("ConnectorAllowedHosts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_HandlerFault_Is500WithoutDetails()
    {
        host.Commands.Setup(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("db closed at /secret/path"));

        var response = await SendAsync(Payloads.Node("channel-message-mention.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Message_RedeliveredAfterTheInboxHasIt_HandledButNotRepliedTwice()
    {
        var replies = ReplyTracker.Attach(host.Services);
        host.Commands.Setup(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()))
            .Callback((ChatCommand c, CancellationToken _) => host.Received.Add(c))
            .ReturnsAsync(new CommandReply(true, "INC-42 declared", 42, Redelivered: true));

        var response = await SendAsync(Payloads.Node("channel-message-mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Received); // the core's inbox makes it a no-op and gives the first answer
        Assert.Equal(0, replies.Started);
        Assert.DoesNotContain(host.Http.Requests, r => r.Url.Contains("/activities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_TwoReplies_AcquireTheBotTokenOnceAndReuseIt()
    {
        var first = Payloads.Node("channel-message-mention.json");
        var second = Payloads.Node("channel-message-mention.json");
        second["id"] = "1759944781999";

        await SendAsync(first);
        await host.Http.WaitForAsync(r => r.Url.EndsWith("/activities/1759944781430", StringComparison.Ordinal));
        await SendAsync(second);
        await host.Http.WaitForAsync(r => r.Url.EndsWith("/activities/1759944781999", StringComparison.Ordinal));

        Assert.Equal(1, host.Http.Count(HttpMethod.Post, "/oauth2/v2.0/token"));
        var tokenRequest = host.Http.Requests.First(r => r.Url.Contains("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", tokenRequest.Body, StringComparison.Ordinal);
        Assert.StartsWith(TeamsTestHost.LoginUrl, tokenRequest.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_RealPayloadWithoutCommand_AnswersBadRequestInTheBody()
    {
        var response = await SendAsync(Payloads.Node("invoke-action-execute.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task Invoke_CommandWithInputs_RunsItAndAnswersWithTheRefreshedCard()
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = "imtbot.command",
            ["data"] = new JsonObject { ["command"] = "role commander INC-42", ["user"] = "aad-bob", ["text"] = "you have the pager" },
        };
        var state = new Incident();
        host.Reader.Setup(r => r.Get(42)).Returns(state);

        var response = await SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("INC-42 refreshed", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        var command = Assert.Single(host.Received);
        Assert.Equal("role commander INC-42 <@aad-bob> you have the pager", command.Text);
        Assert.Equal("c5e99701-2a32-49c1-a660-4629ceeb8c61", command.Actor.Id);
        Assert.Equal("teams:f:17b96347-e8b4-f340-10bc-eb52fc1a6ad4:" + activity["conversation"]!["id"]!.GetValue<string>(), command.DedupeKey);
        host.Cards.Verify(c => c.Incident("teams", state, null), Times.Once);
    }

    [Fact]
    public async Task Invoke_FromAPageCard_AnswersWithThatPageRefreshed()
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"]!["data"] = new JsonObject { ["command"] = "ack INC-42", ["card"] = "page", ["page"] = "p2" };
        var bob = new ImtBot.Core.Platforms.UserRef("teams", "aad-bob", "Bob");
        var at = host.Time.GetUtcNow();
        var state = Incident.Replay(
        [
            PlatformFixture.Declared(42, "Checkout failing"),
            Event(2, at, new PageSent("p1", bob, "ops", null, at.AddMinutes(5), 1)),
            Event(3, at, new PageSent("p2", bob, "ops", null, at.AddMinutes(5), 2)),
            Event(4, at, new PageAcknowledged("p2")),
        ]);
        var acknowledged = state.Pages.Single(p => p.Id == "p2");
        Assert.Equal(PageStatus.Acknowledged, acknowledged.Status);
        host.Reader.Setup(r => r.Get(42)).Returns(state);
        host.Cards.Setup(c => c.Page("teams", state, acknowledged, null)).Returns(PlatformFixture.Card("page p2 acknowledged"));

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("page p2 acknowledged", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("ack INC-42", Assert.Single(host.Received).Text);
        host.Cards.Verify(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>()), Times.Never);
    }

    [Fact]
    public async Task Invoke_FromTheChecklistCard_AnswersWithTheChecklistRefreshed()
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"]!["data"] = new JsonObject { ["command"] = "task INC-42 done 3", ["card"] = "checklist" };
        var state = Incident.Replay([PlatformFixture.Declared(42, "Checkout failing")]);
        host.Reader.Setup(r => r.Get(42)).Returns(state);
        host.Cards.Setup(c => c.Checklist("teams", state)).Returns(PlatformFixture.Card("checklist without task 3"));

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal("checklist without task 3", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("task INC-42 done 3", Assert.Single(host.Received).Text);
        host.Cards.Verify(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>()), Times.Never);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("review")]
    public async Task Invoke_FromACardThatCannotBeRebuilt_AnswersWithTheReplyAndLeavesTheCard(string card)
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"]!["data"] = new JsonObject { ["command"] = "status INC-42", ["card"] = card };
        host.Reader.Setup(r => r.Get(42)).Returns(new Incident());

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("INC-42 declared", body["value"]!.GetValue<string>());
        host.Cards.Verify(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>()), Times.Never);
    }

    [Fact]
    public async Task Invoke_FromAnIncidentCardInAFallbackThread_KeepsTheNotice()
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["channelData"]!["team"]!["id"] = ChannelId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "imtbot.command", ["data"] = new JsonObject { ["command"] = "investigating INC-42", ["card"] = "incident" } },
        };
        var state = new Incident();
        host.Reader.Setup(r => r.Get(42)).Returns(state);

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal(ThreadId, Assert.Single(host.Received).Channel.Id);
        host.Cards.Verify(c => c.Incident("teams", state, ImtBot.Teams.Outbound.TeamsPlatform.FallbackNotice), Times.Once);
    }

    [Fact]
    public async Task Invoke_RejectedCommand_AnswersWithTheReasonAsAMessage()
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"]!["data"] = new JsonObject { ["command"] = "resolved INC-42" };
        host.Commands.Setup(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CommandReply(false, "only the commander can resolve INC-42", 42));

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("only the commander can resolve INC-42", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_ActionSubmitFallback_ComposesTheCommandWithTheCardsInputsLikeTheInvokePath()
    {
        // A client without Universal Actions sends the button as a message whose value is the data plus the inputs.
        var activity = Payloads.Node("channel-message-mention.json");
        activity.Remove("text");
        activity["entities"]!.AsArray().RemoveAt(0);
        activity["value"] = new JsonObject { ["command"] = "update INC-42", ["card"] = "incident", ["text"] = "DB failover done", ["user"] = "aad-bob" };

        var response = await SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("update INC-42 <@aad-bob> DB failover done", Assert.Single(host.Received).Text);
    }

    [Fact]
    public async Task Message_FromAUser_RemembersTheirTeamsIdByObjectId()
    {
        await SendAsync(Payloads.Node("channel-message-mention.json"));

        Assert.Equal(
            "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2-NSkNb7AyGYpjQ7Xw-XgTwaHW5JxZ4KMNDxn1kcL8fwX1Nw",
            host.Settings["teams:user:b15a9416-0ad3-4172-9210-7beb711d3f70"]);
    }

    [Fact]
    public async Task Message_Reply_NamesItsConversationAndTheBotAsSender()
    {
        await SendAsync(Payloads.Node("channel-message-mention.json"));

        var reply = await host.Http.WaitForAsync(r => r.Url.Contains("/activities/", StringComparison.Ordinal));
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", reply.Json["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + TeamsTestHost.AppId, reply.Json["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_ActionSubmit_IsNotSupported()
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["value"]!["action"]!["type"] = "Action.Submit";

        var body = JsonNode.Parse(await (await SendAsync(activity)).Content.ReadAsStringAsync())!;

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("NotSupported", body["value"]!["code"]!.GetValue<string>());
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_StoresTheTeamWithItsGroupIdFromTheConnector()
    {
        host.Http.On(HttpMethod.Get, "/v3/teams/19%3Aefa9296d959346209fea44151c742e73%40thread.skype", HttpStatusCode.OK,
            """{"id":"19:efa9296d959346209fea44151c742e73@thread.skype","name":"Operations","aadGroupId":"02bd9fd6-8f93-4758-87c3-1fb73740a315"}""");

        var response = await SendAsync(Payloads.Node("bot-added-to-team.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var team = JsonNode.Parse(host.Settings["teams:team"])!;
        Assert.Equal("https://smba.trafficmanager.net/amer-client-ss.msg/", team["serviceUrl"]!.GetValue<string>());
        Assert.Equal("19:efa9296d959346209fea44151c742e73@thread.skype", team["teamId"]!.GetValue<string>());
        Assert.Equal("02bd9fd6-8f93-4758-87c3-1fb73740a315", team["aadGroupId"]!.GetValue<string>());
        Assert.Equal("Operations", team["teamName"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.OtherTenant, team["tenantId"]!.GetValue<string>());
        Assert.Equal("https://smba.trafficmanager.net/amer-client-ss.msg/", host.Settings["teams:serviceUrl:" + TeamsTestHost.OtherTenant]);
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task ConversationUpdate_OtherTeamThanTheIncidentTeam_IsRememberedButNotUsed()
    {
        await host.DisposeAsync();
        var other = new TeamsTestHost();
        other.Config["Teams:IncidentTeamId"] = "11111111-0000-0000-0000-000000000000";
        await other.StartAsync();
        await using var _ = other;
        var activity = Payloads.Node("bot-added-to-team.json");
        activity["channelData"]!["team"]!["aadGroupId"] = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

        await other.PostAsync(activity.ToJsonString(), "Bearer " + other.ValidToken("https://smba.trafficmanager.net/amer-client-ss.msg/"));

        Assert.False(other.Settings.ContainsKey("teams:team"));
        Assert.True(other.Settings.ContainsKey("teams:team:19:efa9296d959346209fea44151c742e73@thread.skype"));
        Assert.Equal(0, other.Http.Count(HttpMethod.Get, "/v3/teams/"));
    }

    [Fact]
    public async Task ConversationUpdate_PersonalInstall_StoresNoTeam()
    {
        var response = await SendAsync(Payloads.Node("bot-added-personal.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(host.Settings.ContainsKey("teams:team"));
        Assert.Empty(host.Received);
    }

    [Fact]
    public async Task InstallationUpdate_AddInATeam_StoresTheTeam()
    {
        var activity = Payloads.Node("bot-added-to-team.json");
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity.Remove("membersAdded");
        activity["channelData"]!["team"]!["aadGroupId"] = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

        await SendAsync(activity);

        Assert.Contains("02bd9fd6-8f93-4758-87c3-1fb73740a315", host.Settings["teams:team"], StringComparison.Ordinal);
    }

    private static IncidentEvent Event(long sequence, DateTimeOffset at, EventData data) =>
        new(42, sequence, at, PlatformFixture.Declarer, data, "h" + (sequence - 1), "h" + sequence);
}
