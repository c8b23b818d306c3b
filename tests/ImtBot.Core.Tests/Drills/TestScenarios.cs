using ImtBot.Core.Drills;

namespace ImtBot.Core.Tests.Drills;

/// <summary>A small scripted scenario: two timed injects, one that waits for Identified, and four scored actions.</summary>
internal static class TestScenarios
{
    public static DrillScenario Failover { get; } = new(
        "failover",
        "Primary database fails over",
        "The primary dies; the standby is 40 s behind.",
        ["Take command fast", "Decide promote or wait"],
        2,
        "database",
        [
            new DrillInject(1, "Monitoring", "db-1 connection refused", TimeSpan.Zero, null, TimeSpan.Zero, null),
            new DrillInject(2, "CFO", "Are we losing orders?", TimeSpan.FromMinutes(10), null, TimeSpan.Zero, "Pressure: expect an update"),
            new DrillInject(3, "Cloud provider status", "Degraded volumes in eu-west-1b", null, new DrillMilestone("status", "identified"), TimeSpan.FromMinutes(2), null),
        ],
        [
            new ExpectedAction("commander", "A commander takes charge", new DrillMilestone("commander", null), TimeSpan.FromMinutes(3), 3, null),
            new ExpectedAction("update", "First stakeholder update", new DrillMilestone("update", null), TimeSpan.FromMinutes(15), 2, null),
            new ExpectedAction("identified", "Cause identified", new DrillMilestone("status", "identified"), TimeSpan.FromMinutes(20), 4, null),
            new ExpectedAction("cfo-answer", "A note after the CFO asks", new DrillMilestone("note", null), TimeSpan.FromMinutes(5), 1, 2),
        ]);

    public static DrillCatalog Catalog { get; } = new([Failover]);
}
