using ImtBot.Core.Effects;
using ImtBot.Core.Events;

namespace ImtBot.Core.Tests.Incidents;

public class EffectContractTests
{
    private static readonly Type[] CardVisible =
    [
        typeof(IncidentDeclared), typeof(SeverityChanged), typeof(StatusChanged), typeof(RoleAssigned), typeof(RoleReleased),
        typeof(PageSent), typeof(PageAcknowledged), typeof(PageDeclined), typeof(PageExpired), typeof(UpdatePosted),
        typeof(ActionAdded), typeof(ActionCompleted), typeof(HandoverRequested), typeof(ActionAssigned), typeof(ActionCancelled),
        typeof(AlertFired), typeof(AlertResolved),
        typeof(RegimeStarted), typeof(RegimeNotApplicable), typeof(IncidentClassified), typeof(MaterialityDetermined), typeof(RegulatorNotified),
    ];

    [Fact]
    public void FullIncident_EveryChangeTheCardShows_SyncsTheCardOnce()
    {
        var s = ReplayTests.FullIncident();

        var visible = s.Decisions.Where(d => d.Events.Any(e => CardVisible.Contains(e.GetType()))).ToArray();

        Assert.NotEmpty(visible);
        Assert.All(visible, d => Assert.Single(d.Effects.OfType<SyncIncidentCard>()));
        Assert.All(s.Decisions.Except(visible), d => Assert.Empty(d.Effects.OfType<SyncIncidentCard>()));
    }

    [Fact]
    public void FullIncident_EveryEffect_SurvivesTheOutboxPayloadRoundTrip()
    {
        var s = ReplayTests.FullIncident();
        var effects = s.Decisions.SelectMany(d => d.Effects).ToArray();

        Assert.All(effects, e =>
        {
            var json = EffectKinds.Serialize(e);
            Assert.Equal(json, EffectKinds.Serialize(EffectKinds.Deserialize(json)));
            Assert.Equal(e.GetType(), EffectKinds.Deserialize(json).GetType());
        });
        Assert.Equal(13, effects.Select(e => e.Kind).Distinct().Count()); // sync_page, then anchor_head (at close) joined the kinds a full incident uses
    }
}
