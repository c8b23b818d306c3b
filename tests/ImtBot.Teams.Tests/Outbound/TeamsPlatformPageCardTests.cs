using System.Net;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Outbound;
using ImtBot.Teams.Tests.TestKit;
using Moq;

namespace ImtBot.Teams.Tests.Outbound;

/// <summary>Page cards: the 1:1 conversation is recorded when sent, the card is <c>PUT</c> once answered, and it links the channel.</summary>
public sealed class TeamsPlatformPageCardTests : IDisposable
{
    private const string Base = PlatformFixture.ServiceUrl;
    private static readonly UserRef Bob = new(PlatformNames.Teams, "aad-bob", "Bob Jones");
    private readonly PlatformFixture f = new();

    public void Dispose() => f.Dispose();

    private static Incident Answered(EventData answer)
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        return Incident.Replay(
        [
            PlatformFixture.Declared(42, "Checkout failing: EU"),
            new IncidentEvent(42, 2, at, PlatformFixture.Declarer, new PageSent("p1", Bob, "ops", null, at.AddMinutes(10), 1), "h1", "h2"),
            new IncidentEvent(42, 3, at.AddMinutes(2), Bob, answer, "h2", "h3"),
        ]);
    }

    private Task<EffectOutcome> RunAsync(Incident incident, Effect effect, Dictionary<string, string> links) =>
        f.Platform.ExecuteAsync(new EffectContext($"42:{effect.Kind}:1", incident, effect, links, 1), CancellationToken.None);

    [Fact]
    public async Task SendPage_RecordsTheOneToOneConversation_AndLinksTheChannel()
    {
        var outcome = await f.RunAsync(new SendPage("p1", Bob, "ops", null, f.Time.GetUtcNow().AddMinutes(5)), PlatformFixture.ChannelLinks());

        Assert.Equal("a:dm-bob", outcome.Links[TeamsLinks.PageConversation("p1")]);
        var expected = "https://teams.microsoft.com/l/channel/19%3Anew%40thread.tacv2/INC-42?groupId=" + PlatformFixture.GroupId + "&tenantId=" + TeamsTestHost.TenantId;
        f.Cards.Verify(c => c.Page(PlatformNames.Teams, It.IsAny<Incident>(), It.Is<Page>(p => p.Id == "p1"), expected));
    }

    [Fact]
    public async Task SendPage_IncidentInAThread_LinksTheThread()
    {
        await f.RunAsync(new SendPage("p1", Bob, null, null, f.Time.GetUtcNow()), PlatformFixture.ChannelLinks("thread", PlatformFixture.GeneralId + ";messageid=555"));

        f.Cards.Verify(c => c.Page(PlatformNames.Teams, It.IsAny<Incident>(), It.IsAny<Page>(),
            It.Is<string?>(u => u != null && u.StartsWith("https://teams.microsoft.com/l/message/19%3Ageneral%40thread.tacv2/555?", StringComparison.Ordinal) && u.EndsWith("&parentMessageId=555", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task SyncPageCard_Acknowledged_PutsTheRefreshedCardOverTheSentOne()
    {
        var links = PlatformFixture.ChannelLinks();
        links[TeamsLinks.Page("p1")] = "222";
        links[TeamsLinks.PageConversation("p1")] = "a:dm-bob";
        var incident = Answered(new PageAcknowledged("p1"));

        var outcome = await RunAsync(incident, new SyncPageCard("p1"), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var put = Assert.Single(f.Http.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal(Base + "v3/conversations/a%3Adm-bob/activities/222", put.RawUrl);
        Assert.Equal("page card", put.Json["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        f.Cards.Verify(c => c.Page(PlatformNames.Teams, incident, It.Is<Page>(p => p.Status == PageStatus.Acknowledged), It.IsAny<string?>()));
    }

    [Fact]
    public async Task SyncPageCard_ConversationUnknown_IsSkippedQuietly()
    {
        var links = PlatformFixture.ChannelLinks();
        links[TeamsLinks.Page("p1")] = "222"; // sent before the conversation was recorded

        var outcome = await RunAsync(Answered(new PageExpired("p1")), new SyncPageCard("p1"), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Empty(f.Http.Requests);
    }

    [Fact]
    public async Task SyncPageCard_CardDeleted_IsDoneWithoutPostingAgain()
    {
        f.Http.On(HttpMethod.Put, "/v3/conversations/", HttpStatusCode.NotFound, """{"error":{"code":"ActivityNotFoundInConversation","message":"gone"}}""");
        var links = PlatformFixture.ChannelLinks();
        links[TeamsLinks.Page("p1")] = "222";
        links[TeamsLinks.PageConversation("p1")] = "a:dm-bob";

        var outcome = await RunAsync(Answered(new PageDeclined("p1")), new SyncPageCard("p1"), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.DoesNotContain(f.Http.Requests, r => r.Method == HttpMethod.Post && r.RawUrl.Contains("/v3/", StringComparison.Ordinal));
    }
}
