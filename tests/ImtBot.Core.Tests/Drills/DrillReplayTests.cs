using ImtBot.Core.Drills;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Drills;

/// <summary>A drill is rebuilt from its log alone: the scenario snapshot survives JSON, and the replay tells the same story.</summary>
public class DrillReplayTests
{
    public static readonly string[] DrillEventTypes =
        ["drill_started", "drill_inject_armed", "drill_inject_fired", "drill_paused", "drill_resumed", "drill_ended", "hotwash_noted"];

    [Fact]
    public void ScriptedDrill_ProducesEveryDrillEventType_AndAValidChain()
    {
        var s = AfterActionReportTests.Scripted();

        Assert.Equal(DrillEventTypes.Order(), s.Events.Select(e => e.Type).Where(DrillEventTypes.Contains).Distinct().Order());
        Assert.True(ChainVerifier.Verify(s.Events).Valid);
    }

    [Fact]
    public void ScriptedDrill_ReplayedThroughJson_SameReportAndScore()
    {
        var s = AfterActionReportTests.Scripted();

        var replayed = Incident.Replay(StateFingerprint.RoundTrip(s.Events));

        Assert.Equal(StateFingerprint.Of(s.Live), StateFingerprint.Of(replayed));
        Assert.Equal(AfterActionReport.ToMarkdown(s.Live, s.Clock.GetUtcNow()), AfterActionReport.ToMarkdown(replayed, s.Clock.GetUtcNow()));
        Assert.Equal(TestScenarios.Failover.Injects, replayed.Drill!.Scenario.Injects);
    }
}
