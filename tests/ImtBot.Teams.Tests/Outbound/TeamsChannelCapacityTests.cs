using System.Net;
using System.Text.Json;
using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Tests.TestKit;

namespace ImtBot.Teams.Tests.Outbound;

/// <summary>Teams allows 1,000 channels per team (deleted ones count for 30 days): ImtBot counts, warns, spreads and falls back.</summary>
public sealed class TeamsChannelCapacityTests : IDisposable
{
    private const string OtherGroup = "7c1e8e4a-0000-4000-8000-000000000002";
    private const string OtherGeneral = "19:general-2@thread.tacv2";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly PlatformFixture f;

    public TeamsChannelCapacityTests()
    {
        f = new PlatformFixture(configure: c =>
        {
            c["Teams:IncidentTeamIds:0"] = PlatformFixture.GroupId;
            c["Teams:IncidentTeamIds:1"] = OtherGroup;
        });
        var other = new TeamReference(PlatformFixture.ServiceUrl, OtherGeneral, "Operations 2", OtherGroup, TeamsTestHost.TenantId, "28:" + TeamsTestHost.AppId);
        f.Settings["teams:team:" + OtherGroup] = JsonSerializer.Serialize(other, Web);
    }

    public void Dispose() => f.Dispose();

    private void Fill(string group, int channels) =>
        f.Settings[ChannelLedger.SettingKey(group)] = JsonSerializer.Serialize(
            new TeamChannels([.. Enumerable.Range(0, channels).Select(i => new ChannelEntry($"19:old-{i}@thread.tacv2", $"INC-{i}", f.Time.GetUtcNow().AddDays(-100)))]),
            Web);

    private int Counted(string group) => f.Service<ChannelLedger>().Count(group);

    private List<RecordedRequest> Announcements(string general = PlatformFixture.GeneralId) =>
        f.Http.Requests.Where(r => r.Method == HttpMethod.Post && r.RawUrl.EndsWith("/v3/conversations/" + Uri.EscapeDataString(general) + "/activities", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task OpenChannel_SeveralIncidentTeams_CreatesItInTheTeamWithFewestChannelsAndCountsIt()
    {
        Fill(PlatformFixture.GroupId, 10);
        Fill(OtherGroup, 3);

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal(OtherGroup, outcome.Links["teams:team"]);
        Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url == $"https://graph.test/v1.0/teams/{OtherGroup}/channels");
        Assert.Equal(4, Counted(OtherGroup));
        Assert.Equal(10, Counted(PlatformFixture.GroupId));
        Assert.Contains("INC-42", f.Settings[ChannelLedger.SettingKey(OtherGroup)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaterEffects_OfAChannelInTheSecondTeam_UseThatTeam()
    {
        Fill(PlatformFixture.GroupId, 10);
        var links = new Dictionary<string, string>((await f.RunAsync(new OpenChannel())).Links);

        var close = await f.RunAsync(new ArchiveChannel(f.Time.GetUtcNow()), links);

        Assert.Equal(EffectOutcomeKind.Done, close.Kind);
        Assert.Single(f.Http.Requests, r => r.Url == $"https://graph.test/v1.0/teams/{OtherGroup}/channels/{Uri.EscapeDataString(PlatformFixture.NewChannel)}/archive");
        Assert.Equal(1, Counted(OtherGroup)); // an archived channel still counts
        Assert.Contains("\"archived\":", f.Settings[ChannelLedger.SettingKey(OtherGroup)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenChannel_TeamReaches80Percent_WarnsTheAdminsOnceInTheAnnouncementsChannelAndTheLog()
    {
        Fill(PlatformFixture.GroupId, 799);
        Fill(OtherGroup, 900);

        await f.RunAsync(new OpenChannel());
        await f.RunAsync(new OpenChannel(), attempt: 1);

        var warning = Assert.Single(Announcements(), a => a.Body.Contains("1,000 channels", StringComparison.Ordinal));
        Assert.Contains("holds 800 of the 1,000 channels", warning.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Teams:IncidentTeamIds", warning.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(f.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("holds 800 of its 1000 channels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenChannel_EveryTeamAtTheReserveLine_RunsInAThreadOfTheIncidentsChannelWithANotice()
    {
        Fill(PlatformFixture.GroupId, 950);
        Fill(OtherGroup, 951);

        var outcome = await f.RunAsync(new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        Assert.Equal(PlatformFixture.GeneralId + ";messageid=111", outcome.Links["teams:channel"]);
        Assert.DoesNotContain(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.EndsWith("/channels", StringComparison.Ordinal));
        var root = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Contains("limit of 1,000 channels, so this thread is the incident", root.Json["activity"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenChannel_TeamFullOfChannelsImtBotDidNotCount_GraphRefusesAndTheIncidentRunsInAThread()
    {
        using var single = new PlatformFixture(configure: c => c["Teams:ChannelReserve"] = "0");
        single.Http.Rules.SeedChannels(PlatformFixture.GroupId, TeamsServiceRules.ChannelsPerTeam);

        var outcome = await single.RunAsync(new OpenChannel());

        Assert.Equal("thread", outcome.Links["teams:channelMode"]);
        var refused = Assert.Single(single.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.EndsWith("/channels", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("maximum number of channels", refused.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelDeleted_KeepsCountingFor30Days()
    {
        Fill(PlatformFixture.GroupId, 2);
        var deleted = JsonSerializer.Deserialize<Activity>(
            $$"""
            {"type":"conversationUpdate","id":"1","channelId":"msteams","serviceUrl":"{{PlatformFixture.ServiceUrl}}",
             "from":{"id":"29:owner","aadObjectId":"aad-owner"},"recipient":{"id":"28:{{TeamsTestHost.AppId}}"},
             "conversation":{"id":"{{PlatformFixture.GeneralId}}","conversationType":"channel","tenantId":"{{TeamsTestHost.TenantId}}"},
             "channelData":{"eventType":"channelDeleted","channel":{"id":"19:old-0@thread.tacv2"},"team":{"id":"{{PlatformFixture.GeneralId}}"},"tenant":{"id":"{{TeamsTestHost.TenantId}}"} } }
            """,
            ActivityJson.Options)!;

        await f.Service<ActivityRouter>().RouteAsync(deleted, CancellationToken.None);
        f.Time.Advance(TimeSpan.FromDays(29));
        var after29Days = Counted(PlatformFixture.GroupId);
        f.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(2, after29Days);
        Assert.Equal(1, Counted(PlatformFixture.GroupId));
    }
}
