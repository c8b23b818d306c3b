using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Cards.Models;
using ImtBot.Core.Compliance;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

/// <summary>The incident card shows each running regulatory clock with its deadline in UTC and the time left.</summary>
public sealed class ComplianceCardTests
{
    private static Incident UnderGdpr(string platform)
    {
        var events = SampleIncidents.Logs(platform).Single(l => l.Name == "declared").Events.ToList();
        var last = events[^1];
        var aware = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var rule = new ComplianceOptions().Definition("gdpr")!;
        events.Add(EventChain.Append(last.Hash, last.Incident, last.Sequence + 1, aware.AddMinutes(30), last.Actor, new RegimeStarted("gdpr", rule, aware, null)));
        return Incident.Replay(events);
    }

    [Theory]
    [InlineData(PlatformNames.Teams)]
    [InlineData(PlatformNames.Slack)]
    public void IncidentCard_ShowsDeadlineAndTimeLeft(string platform)
    {
        var incident = UnderGdpr(platform);
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

        var card = new IncidentCards(new CardRenderer(RepoPaths.Cards)).Incident(platform, incident).ToJsonString();
        var model = IncidentCardModel.From(incident, CardText.For(platform), now: now);

        Assert.Equal("GDPR Art. 33 notification to the supervisory authority: due 2026-11-30 09:00 UTC — 1 d 23 h left at 10:00 UTC", Assert.Single(model.Clocks));
        Assert.Contains("due 2026-11-30 09:00 UTC", card);
    }

    [Fact]
    public void IncidentCard_WithoutRegimes_HasNoClocks()
    {
        var incident = Incident.Replay(SampleIncidents.Logs(PlatformNames.Teams).Single(l => l.Name == "declared").Events);

        Assert.False(IncidentCardModel.From(incident, CardText.Teams).HasClocks);
    }
}
