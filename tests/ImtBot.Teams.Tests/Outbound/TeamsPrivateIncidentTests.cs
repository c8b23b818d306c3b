using System.Net;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Tests.TestKit;

namespace ImtBot.Teams.Tests.Outbound;

/// <summary><c>declare … private</c> on Teams: a group chat of the participants (Graph), never a team channel.</summary>
public sealed class TeamsPrivateIncidentTests : IDisposable
{
    private const string Chat = "19:private-chat@thread.v2";
    private const string Chats = "https://graph.test/v1.0/chats";
    private static readonly UserRef Bob = new(PlatformNames.Teams, "aad-bob", "Bob Jones");
    private static readonly UserRef Carol = new(PlatformNames.Teams, "aad-carol", "Carol");
    private readonly PlatformFixture f = new(configure: c => c["Teams:CatalogAppId"] = "catalog-app-1");
    private readonly Incident incident;

    public TeamsPrivateIncidentTests()
    {
        f.Http.On(HttpMethod.Post, Chats, HttpStatusCode.Created, $$"""{"id":"{{Chat}}","chatType":"group"}""");
        f.Http.On(HttpMethod.Post, Chats + "/", HttpStatusCode.Created, "{}");
        var declared = PlatformFixture.Declared(42, "Payroll export leaked");
        incident = Incident.Replay(
        [
            declared with { Data = ((IncidentDeclared)declared.Data) with { Private = true } },
            new IncidentEvent(42, 2, declared.At, PlatformFixture.Declarer, new RoleAssigned("ops", Bob), "h1", "h2"),
        ]);
    }

    public void Dispose() => f.Dispose();

    private Task<EffectOutcome> RunAsync(Effect effect, Dictionary<string, string>? links = null) =>
        f.Platform.ExecuteAsync(new EffectContext($"42:{effect.Kind}:1", incident, effect, links ?? [], 1), CancellationToken.None);

    [Fact]
    public async Task OpenChannel_PrivateIncident_CreatesAGroupChatOfItsParticipantsInstallsTheBotAndPostsThere()
    {
        var outcome = await RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(Chat, outcome.Links["teams:channel"]);
        Assert.Equal("chat", outcome.Links["teams:channelMode"]);
        var create = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url == Chats).Json;
        Assert.Equal("group", create["chatType"]!.GetValue<string>());
        Assert.Equal("INC-42 Payroll export leaked", create["topic"]!.GetValue<string>());
        Assert.Equal(
            ["https://graph.test/v1.0/users('aad-alice')", "https://graph.test/v1.0/users('aad-bob')"],
            create["members"]!.AsArray().Select(m => m!["user@odata.bind"]!.GetValue<string>()).Order());
        var install = Assert.Single(f.Http.Requests, r => r.Url.EndsWith("/installedApps", StringComparison.Ordinal));
        Assert.Equal("https://graph.test/v1.0/appCatalogs/teamsApps/catalog-app-1", install.Json["teamsApp@odata.bind"]!.GetValue<string>());
        var welcome = Assert.Single(f.Http.Requests, r => r.RawUrl.EndsWith("/v3/conversations/" + Uri.EscapeDataString(Chat) + "/activities", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, welcome.Status); // the fake refuses a post into a chat the app is not installed in
        Assert.DoesNotContain(f.Http.Requests, r => r.Url.Contains("/channels", StringComparison.Ordinal));
        Assert.True(f.Http.Rules.Chats[Chat].AppInstalled);
    }

    [Fact]
    public async Task OpenChannel_PrivateIncidentWithoutChatCreate_RunsInTheDeclarersChatNeverInATeamChannel()
    {
        f.Http.Rules.GrantedGraphPermissions.Remove(TeamsServiceRules.ChatCreate);

        var outcome = await RunAsync(new OpenChannel());

        Assert.Equal("a:dm-bob", outcome.Links["teams:channel"]); // the fake Connector's 1:1 chat id
        Assert.Equal("chat", outcome.Links["teams:channelMode"]);
        var direct = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.EndsWith("/v3/conversations", StringComparison.Ordinal)).Json;
        Assert.False(direct["isGroup"]!.GetValue<bool>());
        Assert.DoesNotContain(f.Http.Requests, r => r.Method == HttpMethod.Post && (r.Url.Contains("/channels", StringComparison.Ordinal) || r.RawUrl.Contains("general", StringComparison.Ordinal)));
        Assert.Contains(f.Logs.Lines, l => l.Contains("Chat.Create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostStatusUpdate_PrivateIncident_StaysInItsChat()
    {
        var outcome = await RunAsync(new PostStatusUpdate("Bucket policy fixed", PlatformFixture.Declarer), PlatformFixture.ChannelLinks("chat", Chat));

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Single(f.Http.Requests, r => r.RawUrl.Contains(Uri.EscapeDataString(Chat), StringComparison.Ordinal));
        Assert.DoesNotContain(f.Http.Requests, r => r.RawUrl.Contains(Uri.EscapeDataString(PlatformFixture.GeneralId), StringComparison.Ordinal));
    }

    [Fact]
    public async Task InviteUsers_PrivateIncident_AddsThemToTheGroupChatWithItsHistory()
    {
        var links = (await RunAsync(new OpenChannel())).Links.ToDictionary();

        var outcome = await RunAsync(new InviteUsers([Carol]), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var add = Assert.Single(f.Http.Requests, r => r.Url.EndsWith("/members", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, add.Status);
        Assert.Equal("https://graph.test/v1.0/users('aad-carol')", add.Json["user@odata.bind"]!.GetValue<string>());
        Assert.Equal("0001-01-01T00:00:00Z", add.Json["visibleHistoryStartDateTime"]!.GetValue<string>());
    }
}
