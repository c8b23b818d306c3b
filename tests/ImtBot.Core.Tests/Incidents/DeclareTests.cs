using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Tests.Incidents;

public class DeclareTests
{
    [Fact]
    public void Decide_Declare_SnapshotsPolicyRolesAdminsAndRounds()
    {
        var s = new Scenario();
        s.Options.PageRounds = 3;

        var d = s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 1, false));

        var declared = Assert.IsType<IncidentDeclared>(d.Events[0]);
        Assert.Equal(s.Options.PolicyFor(1), declared.Policy);
        Assert.Equal(["commander", "deputy", "comms", "ops", "scribe"], declared.Roles);
        Assert.Equal(["root"], declared.Admins);
        Assert.Equal(3, declared.PageRounds);
        Assert.Equal(People.Alice, Assert.IsType<ParticipantJoined>(d.Events[1]).User);
        Assert.Equal(IncidentStatus.Declared, s.Live.Status);
        Assert.Equal("INC-42", s.Live.Key);
        Assert.Contains("INC-42", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Declare_OpensChannelCardAnnouncementAndTheReminderTimer()
    {
        var s = new Scenario();

        var d = s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 2, false));

        Assert.IsType<OpenChannel>(d.Effects[0]);
        Assert.IsType<SyncIncidentCard>(d.Effects[1]);
        Assert.Contains("INC-42", Assert.IsType<Announce>(d.Effects[2]).Text, StringComparison.Ordinal);
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(5)), Assert.Single(Scenario.Of<ScheduleTimer>(d)));
        Assert.Equal(
            [("commander", Scenario.Start.AddMinutes(5)), ("role:comms", Scenario.Start.AddMinutes(10)), ("role:ops", Scenario.Start.AddMinutes(10)), ("update", Scenario.Start.AddMinutes(60))],
            ReminderSchedule.Pending(s.Live, s.Options.MaxReminders).OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_LaterConfigEdit_DoesNotRewriteTheSnapshot()
    {
        var s = Scenario.Declared(severity: 2);

        s.Options.Policies["SEV2"] = s.Options.Policies["SEV2"] with { PageTimeout = TimeSpan.FromHours(9) };
        s.Ok(People.Alice, new PageCommand(null, People.Arg(People.Bob), null));

        Assert.Equal(Scenario.Start.AddMinutes(10), s.Live.Pages[0].Deadline);
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("   ", 2)]
    [InlineData("Checkout", 7)]
    [InlineData("Checkout", 0)]
    public void Decide_BadDeclaration_RejectedWithUsage(string title, int severity)
    {
        var s = new Scenario();

        var d = s.No(People.Alice, new DeclareCommand(title, severity, false));

        Assert.Contains("sev", d.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.Null(s.State);
    }

    [Fact]
    public void Decide_Drill_DeclaresDrillKindWithScenarioTitle()
    {
        var s = new Scenario();

        var d = s.Ok(People.Alice, new DrillCommand("database-failover"));

        Assert.Equal(IncidentKind.Drill, s.Live.Kind);
        Assert.Equal("database-failover", s.Live.Title);
        Assert.Equal("database-failover", s.Live.Scenario);
        Assert.Equal(3, s.Live.Severity);
        Assert.StartsWith("DRILL", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeclareWithDrillFlag_IsADrill()
    {
        var s = new Scenario();

        s.Ok(People.Alice, new DeclareCommand("Practice", null, true));

        Assert.Equal(IncidentKind.Drill, s.Live.Kind);
        Assert.Null(s.Live.Scenario);
    }

    [Fact]
    public void Decide_NoIncident_NonDeclarationRejected()
    {
        var s = new Scenario();

        var d = s.No(People.Alice, new NoteCommand("x"));

        Assert.Contains("declare", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SeverityChange_NeedsReasonAndResnapshotsPolicy()
    {
        var s = Scenario.Declared(severity: 3);

        s.No(People.Alice, new SeverityCommand(1, " "));
        s.No(People.Alice, new SeverityCommand(3, "same"));
        var d = s.Ok(People.Alice, new SeverityCommand(1, "all regions"));

        Assert.Equal(1, s.Live.Severity);
        Assert.Equal(TimeSpan.FromMinutes(5), s.Live.Policy.PageTimeout);
        Assert.Single(Scenario.Of<Announce>(d));
        Assert.Single(Scenario.Of<SyncIncidentCard>(d));
    }

    [Fact]
    public void Decide_DeclareWithPageOnDeclarePolicy_PagesTheOnCallCommander_HeldOnAck()
    {
        var s = new Scenario();
        s.Options.Policies["SEV1"] = s.Options.Policies["SEV1"] with { PageOnDeclare = ["commander", "comms"] };
        s.OnCall["commander"] = [People.Bob, People.Carol];

        var d = s.Ok(People.Alice, new DeclareCommand("Everything is down", 1, false));

        var page = Assert.Single(Scenario.Of<SendPage>(d));
        Assert.Equal((People.Bob, "commander", Scenario.Start.AddMinutes(5)), (page.To, page.Role, page.Deadline));
        Assert.Contains(Scenario.Of<ScheduleTimer>(d), t => t.TimerKey == "page:p1");
        Assert.Single(Scenario.Of<SyncIncidentCard>(d));
        Assert.Contains("no on-call list for comms", d.Reply, StringComparison.Ordinal);
        s.Ok(People.Bob, new AckCommand());
        Assert.Equal(People.Bob, s.Live.Commander);
    }
}
