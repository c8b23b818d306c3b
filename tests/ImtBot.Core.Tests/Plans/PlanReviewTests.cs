using System.Runtime.CompilerServices;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Plans;

/// <summary>The review's Response plan section (golden file) and plan adherence in the metrics.</summary>
public class PlanReviewTests
{
    /// <summary>An outage run with its plan: tasks done on time and late, one skipped, one added, a type change, an override.</summary>
    private static Scenario PlannedOutage()
    {
        var s = new Scenario { Plans = TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 1, false) { Type = "outage" });
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Advance(TimeSpan.FromMinutes(20));
        s.Ok(People.Alice, new TaskDoneCommand(2, "EU only"));
        s.Ok(People.Alice, new TaskSkipCommand(3, "no public status page for this service"));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));
        s.Ok(People.Alice, new TaskAddCommand("Call the payment provider", null, 10));
        s.Advance(TimeSpan.FromMinutes(5));
        s.Ok(People.Alice, new TaskDoneCommand(4, "rolled back 1234"));
        s.Ok(People.Alice, new TaskDoneCommand(7, null));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Mitigated, null));
        s.Advance(TimeSpan.FromMinutes(10));
        s.Ok(People.Alice, new TaskOverrideCommand("recovery confirmed by the payment provider"));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());
        return s;
    }

    [Fact]
    public void Review_ResponsePlanSection_MatchesGolden()
    {
        var markdown = ReviewWriter.ToMarkdown(PlannedOutage().Events);
        var start = markdown.IndexOf("\n## Response plan", StringComparison.Ordinal);
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0, "the review has no Response plan section");
        var section = markdown[(start + 1)..end];
        var path = GoldenPath("review-plan-section.md");
        if (Environment.GetEnvironmentVariable("IMTBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, section);
        }

        Assert.Equal(File.ReadAllText(path), section);
    }

    [Fact]
    public void Review_WithoutPlan_HasNoSection()
    {
        Assert.DoesNotContain("## Response plan", ReviewWriter.ToMarkdown(Scenario.Declared().Events), StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_PlanAdherencePerType()
    {
        var outage = PlannedOutage();
        var breach = new Scenario { Plans = TestPlans.Catalog, Number = 43 };
        breach.Ok(People.Alice, new DeclareCommand("Bucket open", 1, false) { Type = "breach" });
        breach.Ok(People.Alice, new TaskDoneCommand(1, null));

        var report = IncidentMetrics.Compute([outage.Events, breach.Events, Scenario.Declared().Events]);

        Assert.Equal([new TypeAdherence("breach", 1, 1, 3), new TypeAdherence("outage", 1, 2, 6)], report.ByType);
        var table = IncidentMetrics.ToTable(report);
        Assert.Contains("Type    Incidents  On time / tasks  Adherence\n", table, StringComparison.Ordinal);
        Assert.Contains($"breach  {"1",9}  {"1/3",15}  {"33%",9}\n", table, StringComparison.Ordinal);
        Assert.Contains($"outage  {"1",9}  {"2/6",15}  {"33%",9}\n", table, StringComparison.Ordinal);
    }

    private static string GoldenPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Reviews", "Golden", name);
}
