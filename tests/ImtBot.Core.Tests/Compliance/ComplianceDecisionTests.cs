using ImtBot.Core.Commands;
using ImtBot.Core.Compliance;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Compliance;

/// <summary>The compliance decisions through the decider: every one an event with actor and reason; reminders on a fake clock.</summary>
public class ComplianceDecisionTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Scenario Commanded()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new RoleCommand("comms", People.Arg(People.Bob)));
        s.Ok(People.Bob, new AckCommand());
        return s;
    }

    [Fact]
    public void Regulated_StartsTheClock_WithActorOnRecord()
    {
        var s = Commanded();

        var d = s.Ok(People.Alice, new RegulatedCommand("gdpr", null, null));

        var started = Assert.Single(Scenario.EventsOf<RegimeStarted>(d));
        Assert.Equal("gdpr", started.Regime);
        Assert.Equal("72h", started.Rule.Stages[0].Within);
        Assert.Equal(Scenario.Start, started.AwareAt);
        Assert.Equal(People.Alice, s.Events[^1].Actor);
        var clock = Assert.Single(ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()));
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(Scenario.Start.AddHours(72), clock.Deadline);
        // The first reminder is at half-time.
        Assert.Equal(Scenario.Start.AddHours(36), Assert.Single(Scenario.Of<ScheduleTimer>(d)).DueAt);
        Assert.Contains("due 2026-11-30 09:00 UTC (3 d 0 h left)", d.Reply);
    }

    [Fact]
    public void Regulated_PastAwareness_NeedsAReason()
    {
        var s = Commanded();
        var earlier = Scenario.Start.AddHours(-10);

        var refused = s.No(People.Alice, new RegulatedCommand("gdpr", earlier, null));
        s.Ok(People.Alice, new RegulatedCommand("gdpr", earlier, "the SOC alert fired at 23:00"));

        Assert.Contains("needs a reason", refused.Reply);
        var clock = ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single();
        Assert.Equal(earlier.AddHours(72), clock.Deadline);
        Assert.Equal("the SOC alert fired at 23:00", s.Live.ComplianceDecisions.Single().Reason);
    }

    [Fact]
    public void Regulated_FutureOrUnknown_IsRefused()
    {
        var s = Commanded();

        Assert.Contains("in the future", s.No(People.Alice, new RegulatedCommand("gdpr", Scenario.Start.AddHours(2), "x")).Reply);
        Assert.Contains("the configured ones are dora, gdpr, hipaa, nis2, sec", s.No(People.Alice, new RegulatedCommand("ccpa", null, null)).Reply);
    }

    [Fact]
    public void ClassifiedMajor_StartsDora_FourHoursCappedByAwareness()
    {
        var s = Commanded();
        s.Advance(TimeSpan.FromHours(21));

        var d = s.Ok(People.Bob, new ClassifiedCommand("all payment clients affected"));

        Assert.Single(Scenario.EventsOf<IncidentClassified>(d));
        Assert.Equal("dora", Assert.Single(Scenario.EventsOf<RegimeStarted>(d)).Regime);
        var initial = ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).First(c => c.Stage == "initial");
        // Awareness is the declaration (09:00); 4 h after classification (06:00 + 4 h) is later than 24 h after awareness.
        Assert.Equal(Scenario.Start.AddHours(24), initial.Deadline);
        Assert.Equal("24 h after awareness", initial.Basis);
        Assert.Contains(s.Live.ComplianceDecisions, x => x.By == People.Bob && x.What == "classified as major" && x.Reason == "all payment clients affected");
        Assert.Contains("already", s.No(People.Bob, new ClassifiedCommand(null)).Reply);
    }

    [Fact]
    public void Material_StartsSec_AndNotifiedMeetsIt()
    {
        var s = Commanded();
        s.Ok(People.Alice, new MaterialCommand("two million customer records"));

        s.Advance(TimeSpan.FromHours(30));
        var d = s.Ok(People.Bob, new NotifiedCommand("sec", "8k", "0001234567-26-000001", "filed on EDGAR"));

        var sub = Assert.Single(Scenario.EventsOf<RegulatorNotified>(d));
        Assert.Equal("0001234567-26-000001", sub.Reference);
        var clock = ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single(c => c.Regime == "sec");
        Assert.Equal(ClockState.Met, clock.State);
        Assert.Equal(People.Bob, clock.Submitted!.By);
    }

    [Fact]
    public void Notified_UnknownStageOrRegime_SaysWhatWouldWork()
    {
        var s = Commanded();
        s.Ok(People.Alice, new RegulatedCommand("nis2", null, null));

        Assert.Contains("its stages are early-warning, notification, final", s.No(People.Alice, new NotifiedCommand("nis2", "initial", "X-1", null)).Reply);
        Assert.Contains("`/incident regulated gdpr`", s.No(People.Alice, new NotifiedCommand("gdpr", "notification", "X-1", null)).Reply);
        Assert.Contains("at most 200 characters", s.No(People.Alice, new NotifiedCommand("nis2", "notification", new string('7', 201), null)).Reply);
    }

    [Fact]
    public void Nis2Final_StartsWhenTheNotificationIsRecorded()
    {
        var s = Commanded();
        s.Ok(People.Alice, new RegulatedCommand("nis2", null, null));
        Assert.Equal(ClockState.Waiting, ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single(c => c.Stage == "final").State);

        s.Advance(TimeSpan.FromHours(50));
        s.Ok(People.Bob, new NotifiedCommand("nis2", "notification", "CSIRT-9", null));

        var final = ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single(c => c.Stage == "final");
        Assert.Equal(ClockState.Running, final.State);
        Assert.Equal(Scenario.Start.AddHours(50).AddMonths(1), final.Deadline);
        // The early warning was due at 24 h and never recorded.
        Assert.Equal(ClockState.Overdue, ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single(c => c.Stage == "early-warning").State);
    }

    [Fact]
    public void NotRegulated_StopsTheClocks_WithTheReason()
    {
        var s = Commanded();
        s.Ok(People.Alice, new RegulatedCommand("gdpr", null, null));

        s.Ok(People.Bob, new NotRegulatedCommand("gdpr", "only pseudonymised test data"));

        Assert.Equal(ClockState.Stopped, ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single().State);
        Assert.Equal("only pseudonymised test data", s.Live.ComplianceDecisions[^1].Reason);
        s.Advance(TimeSpan.FromHours(40));
        Assert.Empty(s.Fire(IncidentDecider.ComplianceTimer).Events);
    }

    [Fact]
    public void Reminders_AtHalfTimeFourHoursOneHourAndOnAMiss_ToCommanderAndComms()
    {
        var s = Commanded();
        s.Ok(People.Carol, new RegulatedCommand("gdpr", null, null));
        var sent = new List<(double Hours, string Point)>();

        foreach (var hours in new[] { 35.9, 36, 67.5, 68, 70, 71, 71.5, 72, 72.1, 80 })
        {
            s.Clock.SetUtcNow(Scenario.Start.AddHours(hours));
            var d = s.Fire(IncidentDecider.ComplianceTimer);
            foreach (var r in Scenario.EventsOf<ComplianceReminderSent>(d))
            {
                sent.Add((hours, r.Point));
                Assert.Equal([People.Alice, People.Bob], r.To);
                Assert.Equal([People.Alice, People.Bob], Scenario.Of<NotifyUser>(d).Select(n => n.To));
            }
        }

        // 72 h allowed: half-time at 36 h, 4 h before at 68 h, 1 h before at 71 h, missed at 72 h — each once.
        Assert.Equal([(36, "50%"), (68, "4h"), (71, "1h"), (72, "missed")], sent);
        Assert.Contains("MISSED", s.Live.Timeline[^1].Text);
    }

    [Fact]
    public void Reminders_WhenSeveralPointsPassedAtOnce_TellOnlyTheLatest()
    {
        var s = Commanded();
        // Awareness 70 h ago: half-time and 4 h before are long past.
        s.Ok(People.Alice, new RegulatedCommand("gdpr", Scenario.Start.AddHours(-70), "found in the logs today"));

        var d = s.Fire(IncidentDecider.ComplianceTimer);

        Assert.Equal("4h", Assert.Single(Scenario.EventsOf<ComplianceReminderSent>(d)).Point);
        Assert.Equal(Scenario.Start.AddHours(1), Assert.Single(Scenario.Of<ScheduleTimer>(d)).DueAt);
    }

    [Fact]
    public void ClosedIncident_StillRecordsSubmissions_AndReminds()
    {
        var s = Commanded();
        s.Ok(People.Alice, new RegulatedCommand("nis2", null, null));
        s.Ok(People.Alice, new NotifiedCommand("nis2", "early-warning", "EW-1", null));
        s.Ok(People.Alice, new NotifiedCommand("nis2", "notification", "N-1", null));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());

        s.Clock.SetUtcNow(Scenario.Start.AddDays(16));
        var reminder = s.Fire(IncidentDecider.ComplianceTimer);
        var final = s.Ok(People.Bob, new NotifiedCommand("nis2", "final", "F-1", "final report"));

        Assert.Equal("50%", Assert.Single(Scenario.EventsOf<ComplianceReminderSent>(reminder)).Point);
        Assert.Empty(Scenario.Of<PostToChannel>(reminder));
        Assert.Single(Scenario.EventsOf<RegulatorNotified>(final));
        Assert.All(ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()), c => Assert.Equal(ClockState.Met, c.State));
    }

    [Fact]
    public void Drill_MarksClocksAsExercise()
    {
        var s = new Scenario();
        s.Ok(People.Alice, new DeclareCommand("Practice breach", 2, true));

        var d = s.Ok(People.Alice, new RegulatedCommand("gdpr", null, null));

        Assert.True(ComplianceClocks.Of(s.Live, s.Clock.GetUtcNow()).Single().Exercise);
        Assert.Contains("(exercise)", d.Reply);
        s.Clock.SetUtcNow(Scenario.Start.AddHours(36));
        Assert.StartsWith("EXERCISE", Scenario.EventsOf<ComplianceReminderSent>(s.Fire(IncidentDecider.ComplianceTimer)).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplianceCommand_ShowsEveryClock_AndChangesNothing()
    {
        var s = Commanded();
        s.Ok(People.Alice, new RegulatedCommand("gdpr", null, null));
        s.Ok(People.Alice, new MaterialCommand(null));
        var before = s.Events.Count;

        var d = s.Ok(People.Alice, new ComplianceClocksCommand());

        Assert.Equal(before, s.Events.Count);
        Assert.Contains("GDPR Art. 33 notification to the supervisory authority: due 2026-11-30 09:00 UTC", d.Reply);
        Assert.Contains("SEC Form 8-K Item 1.05 Form 8-K filing: due 2026-12-04 05:00 UTC", d.Reply);
        Assert.Contains("not legal advice", d.Reply);
    }
}
