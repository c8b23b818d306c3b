using System.Net;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Graph;
using ImtBot.Teams.Tests.TestKit;

namespace ImtBot.Teams.Tests.Outbound;

public sealed class TeamsPlatformChannelTests : IDisposable
{
    private const string Teams = "https://graph.test/v1.0/teams/" + PlatformFixture.GroupId + "/channels";
    private readonly PlatformFixture f = new();

    private string Name(int attempt = 1) => ChannelName.For(f.Incident.Number, f.Incident.Title, attempt);

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task OpenChannel_WithConsent_CreatesAStandardChannelNamedAfterTheIncident()
    {
        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(PlatformFixture.NewChannel, outcome.Links["teams:channel"]);
        Assert.Equal("channel", outcome.Links["teams:channelMode"]);
        var create = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url == Teams);
        Assert.Equal(Name(), create.Json["displayName"]!.GetValue<string>());
        Assert.Equal("standard", create.Json["membershipType"]!.GetValue<string>());
        Assert.StartsWith("ImtBot incident INC-42:", create.Json["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bearer app-token", create.Authorization);
        Assert.Contains(f.Http.Requests, r => r.Url.Contains("/oauth2/v2.0/token", StringComparison.Ordinal)
            && r.Body.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenChannel_DeclaredInTeams_MentionsTheDeclarerInTheNewChannel()
    {
        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var welcome = Assert.Single(f.Http.Requests, r => r.RawUrl == PlatformFixture.ServiceUrl + "v3/conversations/19%3Anew%40thread.tacv2/activities").Json;
        Assert.StartsWith("<at>Alice</at> this channel is for INC-42", welcome["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("aad-alice", welcome["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenChannel_WelcomeRefused_StillOpensTheChannel()
    {
        f.Http.On(HttpMethod.Post, "/v3/conversations/19%3Anew", HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster"}}""");

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(PlatformFixture.NewChannel, outcome.Links["teams:channel"]);
        Assert.Equal(1, f.Http.Count(HttpMethod.Post, "/v3/conversations/19%3Anew"));
    }

    [Fact]
    public async Task OpenChannel_NameTakenByAnotherChannel_CreatesItWithASuffix()
    {
        f.Http.On(HttpMethod.Post, Teams, r => r.Json["displayName"]!.GetValue<string>() == Name()
            ? FakeHttp.Json(HttpStatusCode.BadRequest, """{"error":{"code":"NameAlreadyExists","message":"Channel name already existed, please use other name."}}""")
            : FakeHttp.Json(HttpStatusCode.Created, """{"id":"19:second@thread.tacv2","displayName":"x"}"""));
        f.Http.On(HttpMethod.Get, Teams + "?$filter=", r => FakeHttp.Json(HttpStatusCode.OK, r.Url.Contains("-2", StringComparison.Ordinal)
            ? """{"value":[]}"""
            : $$"""{"value":[{"id":"19:theirs@thread.tacv2","displayName":"{{Name()}}","description":"the payments team's channel"}]}"""));

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal("19:second@thread.tacv2", outcome.Links["teams:channel"]);
        var creates = f.Http.Requests.Where(r => r.Method == HttpMethod.Post && r.Url == Teams).ToList();
        Assert.Equal([Name(), Name(2)], creates.Select(r => r.Json["displayName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenChannel_NameTakenByThisIncident_AdoptsTheChannel()
    {
        f.Http.On(HttpMethod.Post, Teams, HttpStatusCode.Conflict, """{"error":{"code":"Conflict","message":"exists"}}""");
        f.Http.On(HttpMethod.Get, Teams + "?$filter=", HttpStatusCode.OK, $$"""{"value":[{"id":"19:ours@thread.tacv2","displayName":"{{Name()}}","description":"ImtBot incident INC-42: Checkout"}]}""");

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal("19:ours@thread.tacv2", outcome.Links["teams:channel"]);
        Assert.Equal(1, f.Http.Count(HttpMethod.Post, Teams));
    }

    [Fact]
    public async Task OpenChannel_SecondAttempt_ReconcilesByNameBeforeCreating()
    {
        f.Http.On(HttpMethod.Get, Teams + "?$filter=", HttpStatusCode.OK, $$"""{"value":[{"id":"19:ours@thread.tacv2","displayName":"{{Name()}}","description":"ImtBot incident INC-42: Checkout"}]}""");

        var outcome = await f.RunAsync(new OpenChannel(), attempt: 2);

        Assert.Equal("19:ours@thread.tacv2", outcome.Links["teams:channel"]);
        Assert.Equal(0, f.Http.Count(HttpMethod.Post, Teams));
        var lookup = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Get);
        Assert.Contains("displayName%20eq%20%27", lookup.RawUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenChannel_AlreadyLinked_DoesNothing()
    {
        var outcome = await f.RunAsync(new OpenChannel(), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Empty(f.Http.Requests);
    }

    [Fact]
    public async Task OpenChannel_GraphRefusesWithoutConsent_FallsBackToAThreadInTheGeneralChannelAndSaysSo()
    {
        f.Http.Rules.GrantedGraphPermissions.Remove("Channel.Create.Group");

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(PlatformFixture.GeneralId + ";messageid=111", outcome.Links["teams:channel"]);
        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        var thread = Assert.Single(f.Http.Requests, r => r.Url == PlatformFixture.ServiceUrl + "v3/conversations");
        Assert.Equal(PlatformFixture.GeneralId, thread.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.TenantId, thread.Json["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains("so this thread is the incident", thread.Json["activity"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(f.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("refused to create a channel", StringComparison.Ordinal));
        Assert.Contains(f.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("lacks the permission Channel.Create.Group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenChannel_TitleWithCharactersTeamsRefuses_CreatesAChannelTheFakeGraphAccepts()
    {
        var context = new EffectContext("1:OpenChannel:1", Titled("calls drop ~ 50, retry.. later"), new OpenChannel(), new Dictionary<string, string>(), 1);

        var outcome = await f.Platform.ExecuteAsync(context, CancellationToken.None);

        Assert.Equal("channel", outcome.Links["teams:channelMode"]);
        var create = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url == Teams);
        Assert.Equal("INC-1 calls drop 50 retry. later", create.Json["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenChannel_GraphAnswersAny4xx_FallsBackToAThreadWithTheNotice()
    {
        f.Http.On(HttpMethod.Post, Teams, HttpStatusCode.BadRequest, """{"error":{"code":"BadRequest","message":"Invalid request."}}""");

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        var thread = Assert.Single(f.Http.Requests, r => r.Url == PlatformFixture.ServiceUrl + "v3/conversations");
        Assert.Contains("so this thread is the incident", thread.Json["activity"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenChannel_RetryWithoutChannelSettingsRead_FallsBackAndNamesThePermission()
    {
        f.Http.Rules.GrantedGraphPermissions.Remove("ChannelSettings.Read.Group");

        var outcome = await f.RunAsync(new OpenChannel(), attempt: 2);

        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        Assert.Equal(0, f.Http.Count(HttpMethod.Post, Teams));
        Assert.Contains(f.Logs.Lines, l => l.Contains("lacks the permission ChannelSettings.Read.Group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenChannel_TeamWithoutGroupId_FallsBackToAThread()
    {
        using var noGroup = new PlatformFixture(new TeamReference(PlatformFixture.ServiceUrl, PlatformFixture.GeneralId, "Ops", null, TeamsTestHost.TenantId, null));

        var outcome = await noGroup.RunAsync(new OpenChannel());

        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        Assert.DoesNotContain(noGroup.Http.Requests, r => r.Url.StartsWith("https://graph.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenChannel_NotAddedToATeamYet_UsesTheConversationItWasDeclaredIn()
    {
        using var lonely = new PlatformFixture(withTeam: false);

        var outcome = await lonely.RunAsync(new OpenChannel());

        Assert.Equal(lonely.Incident.Origin.Id, outcome.Links["teams:channel"]);
        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
    }

    [Fact]
    public async Task OpenChannel_GraphThrottled_RetriesLaterWithoutCreating()
    {
        f.Http.On(HttpMethod.Post, Teams, HttpStatusCode.TooManyRequests, """{"error":{"code":"TooManyRequests"}}""", TimeSpan.FromSeconds(90));

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), outcome.RetryAfter);
    }

    [Fact]
    public async Task OpenChannel_GraphThrottledWithAnHttpDate_RetryNoSoonerThanThatTime()
    {
        var at = f.Time.GetUtcNow().AddMinutes(3);
        f.Http.On(HttpMethod.Post, Teams, _ =>
        {
            var response = FakeHttp.Json(HttpStatusCode.TooManyRequests, "{}");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(at);
            return response;
        });

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Equal(TimeSpan.FromMinutes(3), outcome.RetryAfter);
    }

    [Fact]
    public async Task ArchiveChannel_GraphArchivesTheChannel()
    {
        f.Http.On(HttpMethod.Post, "/archive", HttpStatusCode.Accepted, "");

        var outcome = await f.RunAsync(new ArchiveChannel(f.Time.GetUtcNow()), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Single(f.Http.Requests, r => r.RawUrl == Teams + "/19%3Anew%40thread.tacv2/archive");
        var closing = Assert.Single(f.Http.Requests, r => r.Url.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Contains("INC-42", closing.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveChannel_WithoutTheApplicationPermission_PostsTheClosingMessageAndLogsThePermissionOnce()
    {
        f.Http.Rules.GrantedGraphPermissions.Remove("ChannelSettings.ReadWrite.All");

        await f.RunAsync(new ArchiveChannel(f.Time.GetUtcNow()), PlatformFixture.ChannelLinks());
        var outcome = await f.RunAsync(new ArchiveChannel(f.Time.GetUtcNow()), PlatformFixture.ChannelLinks("channel", "19:other@thread.tacv2"));

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(2, f.Http.Requests.Count(r => r.Url.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Single(f.Logs.Lines, l => l.Contains("lacks the permission ChannelSettings.ReadWrite.All", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArchiveChannel_WithoutPermission_LeavesAFinalMessage()
    {
        f.Http.Rules.GrantedGraphPermissions.Remove("ChannelSettings.ReadWrite.All");

        var outcome = await f.RunAsync(new ArchiveChannel(f.Time.GetUtcNow()), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var last = Assert.Single(f.Http.Requests, r => r.Url.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Contains("INC-42", last.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Incident Titled(string title)
    {
        var incident = Incident.Replay([PlatformFixture.Declared(1, title)]);
        typeof(Incident).GetProperty(nameof(Incident.DeclaredBy))!.SetValue(incident, PlatformFixture.Declarer);
        return incident;
    }
}
