using ImtBot.Core.Alerts;
using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Effects;
using ImtBot.Core.Plans;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Drills;
using ImtBot.Core.Tests.Incidents;
using ImtBot.Core.Tests.Plans;

namespace ImtBot.Core.Tests.Wiring;

/// <summary>Where features meet: an alert route's type picks the plan, the first alert dates the detection, a drill runs its type's plan and scores its tasks.</summary>
public class CrossFeatureTests
{
    private static Alert Firing(string fingerprint) =>
        new("am", fingerprint, AlertState.Firing, "Errors up " + fingerprint, null, new Dictionary<string, string>(), [], null, "am:" + fingerprint);

    private static Scenario DeclaredByRoute(string? type, PlanCatalog? plans = null)
    {
        var s = new Scenario { Plans = plans ?? TestPlans.Catalog };
        s.Ok(AlertIntake.Actor("am"), new AlertCommand(Firing("a"), new DeclareAction(2, type)));
        return s;
    }

    [Fact]
    public void AlertRoute_WithType_DeclaresThatTypeAndItsPlanRuns()
    {
        var s = DeclaredByRoute("outage");

        Assert.Equal("outage", s.Live.Type);
        Assert.Equal("service-outage", s.Live.Plan!.Id);
        Assert.Equal(TestPlans.Outage.Tasks.Select(t => t.Id).Order(), s.Live.Tasks.Select(t => t.Task.Id).Order());
        Assert.Contains("Plan: Service outage", s.Decisions[0].Reply, StringComparison.Ordinal);
        Assert.True(s.Live.DeclaredByAlert);
    }

    [Fact]
    public void AlertRoute_TypeNoPlanNames_StillDeclaresWithTheDefaultPlanAndSaysSo()
    {
        var s = DeclaredByRoute("storage");

        Assert.Equal(ResponsePlan.DefaultId, s.Live.Type);
        Assert.Equal("default", s.Live.Plan!.Id);
        Assert.Single(s.Live.Alerts);
        Assert.Contains("asks for type `storage`, which no response plan names", s.Decisions[0].Reply, StringComparison.Ordinal);
        Assert.Contains(Scenario.Of<PostToChannel>(s.Decisions[0]), p => p.Text.Contains("`storage`", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertRoute_WithoutType_TakesTheDefaultPlanQuietly()
    {
        var s = DeclaredByRoute(null);

        Assert.Equal(ResponsePlan.DefaultId, s.Live.Type);
        Assert.DoesNotContain("no response plan names", s.Decisions[0].Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NoDetectionRecorded_UsesTheFirstAlert()
    {
        var s = DeclaredByRoute(null);
        var firstAlert = s.Live.FirstAlertAt;
        s.Advance(TimeSpan.FromMinutes(20));

        var review = ReviewModel.From(s.Events);

        Assert.NotNull(firstAlert);
        Assert.Equal(firstAlert, review.Milestones.Detected);
        Assert.True(review.Milestones.DetectedByAlert);
        var markdown = ReviewWriter.ToMarkdown(review);
        Assert.Contains("Detected (first alert)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("when it was detected (`detected <time>`)", ReviewWriter.StillEmpty(review), StringComparison.Ordinal);
    }

    [Fact]
    public void Review_DetectionRecorded_WinsOverTheFirstAlert()
    {
        var s = DeclaredByRoute(null);
        var recorded = Scenario.Start.AddMinutes(-5);
        s.Ok(People.Alice, new ImpactCommand(new TypedTime(Scenario.Start.AddMinutes(-9), null, null), null) { Incident = s.Number });
        s.Ok(People.Alice, new DetectedCommand(new TypedTime(recorded, null, null)) { Incident = s.Number });

        var review = ReviewModel.From(s.Events);

        Assert.Equal(recorded, review.Milestones.Detected);
        Assert.False(review.Milestones.DetectedByAlert);
        Assert.Equal(TimeSpan.FromMinutes(4), review.Milestones.TimeToDetect);
    }

    [Fact]
    public void Review_AlertAddedAfterAPersonDeclared_IsNotTheDetection()
    {
        var s = new Scenario { Plans = TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 2, false));
        s.Advance(TimeSpan.FromMinutes(3));
        s.Ok(AlertIntake.Actor("am"), new AlertCommand(Firing("late")) { Incident = s.Number });

        var review = ReviewModel.From(s.Events);

        Assert.NotNull(s.Live.FirstAlertAt);
        Assert.Null(review.Milestones.Detected);
    }

    private static DrillScenario Breach(string? type, params ExpectedAction[] expected) =>
        TestScenarios.Failover with { Id = "breach", Type = type, Expected = expected };

    [Fact]
    public void Drill_ScenarioType_RunsThatPlan_AndAPlanTaskDoneIsScored()
    {
        var scenario = Breach("breach", new ExpectedAction("evidence", "Evidence preserved", new DrillMilestone(DrillMilestone.Task, "preserve-evidence"), TimeSpan.FromMinutes(10), 3, null));
        var s = new Scenario { Plans = TestPlans.Catalog, Drills = new DrillCatalog([scenario]) };
        s.Ok(People.Alice, new DrillCommand("breach"));
        var task = s.Live.Tasks.Single(t => t.Task.Id == "preserve-evidence");

        s.Advance(TimeSpan.FromMinutes(4));
        s.Ok(People.Alice, new TaskDoneCommand(task.Number, null) { Incident = s.Number });

        Assert.Equal("breach", s.Live.Type);
        Assert.Equal("security-breach", s.Live.Plan!.Id);
        var scored = Assert.Single(DrillScore.Of(s.Live.Drill!, s.Clock.GetUtcNow(), ended: true).Actions);
        Assert.Equal(DrillOutcome.Met, scored.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(4), scored.Took);
        Assert.Equal(3, scored.Points);
    }

    [Fact]
    public void Drill_PlanTaskNeverDone_IsMissed()
    {
        var scenario = Breach("breach", new ExpectedAction("legal", "Legal told", new DrillMilestone(DrillMilestone.Task, "notify-legal"), TimeSpan.FromMinutes(10), 2, null));
        var s = new Scenario { Plans = TestPlans.Catalog, Drills = new DrillCatalog([scenario]) };
        s.Ok(People.Alice, new DrillCommand("breach"));
        s.Ok(People.Alice, new TaskDoneCommand(s.Live.Tasks.Single(t => t.Task.Id == "preserve-evidence").Number, null) { Incident = s.Number });

        Assert.Equal(DrillOutcome.Missed, Assert.Single(DrillScore.Of(s.Live.Drill!, s.Clock.GetUtcNow(), ended: true).Actions).Outcome);
    }

    [Fact]
    public void Drill_ScenarioTypeNoPlanNames_StartsWithTheDefaultPlanAndSaysSo()
    {
        var s = new Scenario { Plans = TestPlans.Catalog, Drills = new DrillCatalog([Breach("database")]) };

        var d = s.Ok(People.Alice, new DrillCommand("breach"));

        Assert.Equal(ResponsePlan.DefaultId, s.Live.Type);
        Assert.Contains("The scenario \"breach\" asks for type `database`", d.Reply, StringComparison.Ordinal);
        Assert.Contains(Scenario.Of<PostToChannel>(d), p => p.Text.StartsWith(DrillText.Marker, StringComparison.Ordinal) && p.Text.Contains("`database`", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("task preserve-evidence", "task preserve-evidence")]
    [InlineData("  Task  Notify-Legal ", "task notify-legal")]
    public void Milestone_Task_Parses(string text, string normal)
    {
        Assert.Equal(normal, DrillMilestone.Parse(text, out var problem)!.ToString());
        Assert.Null(problem);
    }

    [Fact]
    public void Milestone_TaskWithoutId_SaysWhatWouldWork()
    {
        Assert.Null(DrillMilestone.Parse("task", out var problem));
        Assert.Contains("task <plan task id>", problem, StringComparison.Ordinal);
    }
}
