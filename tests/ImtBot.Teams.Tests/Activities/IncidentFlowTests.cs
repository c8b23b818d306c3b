using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ImtBot.Teams.Tests.Activities;

/// <summary>
/// One incident through the real wiring: the bot is added to a team, someone declares by @mention, the outbox runs the
/// Teams effects with what the team install stored, and the paged person acknowledges from the card.
/// </summary>
public sealed class IncidentFlowTests : IAsyncLifetime
{
    private const string TeamServiceUrl = "https://smba.trafficmanager.net/amer-client-ss.msg/";
    private const string GroupId = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    private readonly TeamsTestHost host = new();

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task DeclarePageAndAcknowledge_RunThroughTeams()
    {
        host.Http.On(HttpMethod.Post, "https://graph.test/v1.0/teams/" + GroupId + "/channels", HttpStatusCode.Created, """{"id":"19:inc42@thread.tacv2","displayName":"INC-42"}""");
        host.Http.On(HttpMethod.Post, TeamServiceUrl + "v3/conversations", r => FakeHttp.Json(HttpStatusCode.OK, r.Json["isGroup"]!.GetValue<bool>()
            ? """{"id":"19:inc42@thread.tacv2;messageid=5","activityId":"5"}"""
            : """{"id":"a:dm-bob"}"""));
        host.Http.On(HttpMethod.Post, TeamServiceUrl + "v3/conversations/", HttpStatusCode.OK, """{"id":"6"}""");
        host.Cards.Setup(c => c.Page(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<Page>(), It.IsAny<string?>())).Returns(PlatformFixture.Card("page"));

        // 1. The bot is added to the team: the reference is stored.
        var added = Payloads.Node("bot-added-to-team.json");
        added["channelData"]!["team"]!["aadGroupId"] = GroupId;
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(added.ToJsonString(), "Bearer " + host.ValidToken(TeamServiceUrl))).StatusCode);

        // 2. Someone declares in a channel.
        var declare = Payloads.Node("channel-message-mention.json");
        declare["text"] = "<at>ridotest</at> declare Checkout failing sev2";
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(declare.ToJsonString(), "Bearer " + host.ValidToken())).StatusCode);
        Assert.Equal("declare Checkout failing sev2", Assert.Single(host.Received).Text);

        // 3. The outbox runs the incident's Teams effects, carrying the links forward.
        var platform = host.Services.GetServices<IChatPlatform>().Single(p => p.Name == PlatformNames.Teams);
        var incident = Incident.Replay([PlatformFixture.Declared(42, "Checkout failing")]);
        var links = new Dictionary<string, string>();
        var bob = new UserRef(PlatformNames.Teams, "aad-bob", "Bob");
        foreach (var effect in new Effect[] { new OpenChannel(), new SyncIncidentCard(), new SendPage("p1", bob, "commander", null, host.Time.GetUtcNow().AddMinutes(5)) })
        {
            var outcome = await platform.ExecuteAsync(new EffectContext($"42:{effect.Kind}:1", incident, effect, links, 1), CancellationToken.None);
            Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
            foreach (var (k, v) in outcome.Links)
            {
                links[k] = v;
            }
        }

        Assert.Equal("19:inc42@thread.tacv2", links["teams:channel"]);
        Assert.Equal("5", links["teams:activity"]);
        Assert.Equal("6", links["teams:page:p1"]);
        Assert.Equal(1, host.Http.Count(HttpMethod.Post, "https://graph.test/v1.0/teams/" + GroupId + "/channels"));
        Assert.Contains(host.Http.Requests, r => r.RawUrl == TeamServiceUrl + "v3/conversations/a%3Adm-bob/activities");

        // 4. Bob acknowledges from the page card in his 1:1 chat and sees the refreshed incident card.
        host.Reader.Setup(r => r.Get(42)).Returns(incident);
        var ack = Payloads.Node("invoke-action-execute.json");
        ack["value"]!["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "imtbot.command", ["data"] = new JsonObject { ["command"] = "ack INC-42" } };
        var response = await host.PostAsync(ack.ToJsonString(), "Bearer " + host.ValidToken(ack["serviceUrl"]!.GetValue<string>()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("ack INC-42", host.Received[^1].Text);
    }
}
