using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Incidents;

public class ReplayTests
{
    /// <summary>A scripted incident that produces every event type.</summary>
    internal static Scenario FullIncident()
    {
        var s = Scenario.Declared(People.Alice);
        s.OnCall["ops"] = [People.Carol, People.Dave];
        var minute = TimeSpan.FromMinutes(1);
        s.Advance(minute);
        var alert = new ImtBot.Core.Alerts.Alert("am", "fp1", ImtBot.Core.Alerts.AlertState.Firing, "Errors up", null, new Dictionary<string, string> { ["job"] = "api" }, ["http://prom/graph"], Scenario.Start, "am:g");
        s.Ok(UserRef.System, new AlertCommand(alert));
        s.Ok(UserRef.System, new AlertCommand(alert));
        s.Ok(UserRef.System, new AlertCommand(alert with { Status = ImtBot.Core.Alerts.AlertState.Resolved }));
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new RoleCommand("comms", People.Arg(People.Bob)));
        s.Advance(minute);
        s.Ok(People.Bob, new AckCommand());
        s.Ok(People.Alice, new PageCommand("ops", null, "db is slow"));
        s.Advance(TimeSpan.FromMinutes(2));
        s.Ok(People.Carol, new DeclineCommand());
        s.Advance(TimeSpan.FromMinutes(11));
        s.Fire("page:p3");
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, "looking"));
        s.Ok(People.Alice, new SeverityCommand(1, "all regions"));
        s.Ok(People.Alice, new RegulatedCommand("gdpr", null, null));
        s.Ok(People.Alice, new NotRegulatedCommand("hipaa", "no health data"));
        s.Ok(People.Alice, new ClassifiedCommand("all clients affected"));
        s.Ok(People.Alice, new MaterialCommand("two million records"));
        s.Ok(People.Bob, new NotifiedCommand("gdpr", "notification", "DPA-1", null));
        s.Ok(People.Bob, new UpdateCommand("We are on it"));
        s.Ok(People.Erin, new NoteCommand("rolled back"));
        s.Ok(People.Alice, new ActionCommand("add an alert", People.Arg(People.Bob), new DateOnly(2026, 12, 1)));
        s.Ok(People.Alice, new ActionCommand("write the runbook", null, null));
        s.Ok(People.Bob, new ActionDoneCommand(1));
        s.Ok(People.Alice, new SnoozeCommand("ops", TimeSpan.FromMinutes(20)));
        s.Advance(TimeSpan.FromMinutes(30));
        s.Fire("reminder:role:ops");
        s.Ok(People.Carol, new AckCommand());
        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Erin, Scenario.Start.AddMinutes(3), "it's the cache", "pinned"));
        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Erin, Scenario.Start.AddMinutes(3), "it's the cache!", "edited"));
        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Erin, Scenario.Start.AddMinutes(3), "", "deleted"));
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Dave), "cache flushed, watching", false));
        s.Ok(People.Dave, new AckCommand());
        s.Advance(TimeSpan.FromHours(3));
        s.Fire("compliance");
        s.Ok(People.Dave, new TransitionCommand(IncidentStatus.Mitigated, null));
        s.Ok(People.Dave, new TransitionCommand(IncidentStatus.Resolved, "cache fixed"));
        s.Ok(People.Dave, new ReopenCommand("errors back"));
        s.Ok(People.Dave, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Dave, new CloseCommand());

        // The review meeting, after the close.
        s.Ok(People.Alice, new ImpactCommand(new TypedTime(Scenario.Start.AddMinutes(-20), null, null), "EU checkout failing"));
        s.Ok(People.Alice, new DetectedCommand(new TypedTime(Scenario.Start.AddMinutes(-5), null, null)));
        s.Ok(People.Alice, new ReviewTextCommand("summary", "The cache served stale prices"));
        s.Ok(People.Bob, new ReviewTextCommand("cause", "A cache key without the region"));
        s.Ok(People.Dave, new ReviewTextCommand("resolution", "Cache flushed, key fixed"));
        s.Ok(People.Alice, new ActionAssignCommand(2, People.Arg(People.Carol)));
        s.Ok(People.Alice, new ActionCommand("a duplicate", null, null));
        s.Ok(People.Alice, new ActionCancelCommand(3, "same as #2"));
        return s;
    }

    [Fact]
    public void Replay_FullIncidentThroughJson_EqualsLiveState()
    {
        var s = FullIncident();

        var replayed = Incident.Replay(StateFingerprint.RoundTrip(s.Events));

        Assert.Equal(StateFingerprint.Of(s.Live), StateFingerprint.Of(replayed));
    }

    [Fact]
    public void FullIncident_ProducesEveryEventType_AndAValidChain()
    {
        var s = FullIncident();
        var plan = Plans.PlanDecisionTests.FullPlanIncident();
        var assessed = Assessment.AssessedDeclarationTests.Assessed();

        // The drill events come from a drill, not from this incident (DrillReplayTests covers them); the API-token,
        // on-call list and setting events belong to the admin audit stream, not to any incident (the host's admin audit
        // tests cover them).
        string[] notIncidentEvents = ["api_token_created", "api_token_revoked", "oncall_list_changed", "setting_changed"];

        // Alert pages have streams of their own (AlertPageDeciderTests covers their events).
        notIncidentEvents = [.. notIncidentEvents, "alert_page_opened", "alert_page_silenced", "alert_page_unsilenced", "alert_page_silence_ended", "alert_page_declared"];
        Assert.Equal(EventTypeNames.All.Except(Drills.DrillReplayTests.DrillEventTypes).Except(notIncidentEvents).Order(), s.Events.Concat(plan.Events).Concat(assessed.Events).Select(e => e.Type).Distinct().Order());
        Assert.True(ChainVerifier.Verify(plan.Events).Valid);
        Assert.True(ChainVerifier.Verify(s.Events).Valid);
    }

    [Fact]
    public void FullIncident_LiveState_HasTheStoryRight()
    {
        var s = FullIncident();
        var live = s.Live;

        Assert.Equal(IncidentStatus.Closed, live.Status);
        Assert.Equal(1, live.Severity);
        Assert.Equal(TimeSpan.FromMinutes(5), live.Policy.PageTimeout);
        Assert.Equal(People.Dave, live.Commander);
        Assert.Equal(People.Alice, live.Deputy);
        Assert.Equal(People.Bob, live.Holder("comms"));
        Assert.Equal(People.Carol, live.Holder("ops"));
        Assert.Equal(
            [PageStatus.Acknowledged, PageStatus.Declined, PageStatus.Expired, PageStatus.Acknowledged, PageStatus.Acknowledged],
            live.Pages.Select(p => p.Status));
        Assert.Equal([1, 1, 1, 2, 1], live.Pages.Select(p => p.Round));
        Assert.True(live.Actions[0].Done);
        Assert.Equal(People.Carol, live.Actions[1].Owner); // given an owner in the review meeting, after the close
        Assert.NotNull(live.Actions[2].CancelledAt);
        Assert.Equal(2, live.Participants.Count(p => p.Equals(People.Alice) || p.Equals(People.Bob)));
        // Alice declared and took command at minute 1 (not an acknowledgement); Bob acknowledged his page at minute 2.
        Assert.Equal(Scenario.Start.AddMinutes(2), live.AcknowledgedAt);
        Assert.Equal(Scenario.Start.AddMinutes(1), live.CommandedAt);
        Assert.NotNull(live.ResolvedAt);
        Assert.NotNull(live.ClosedAt);
        Assert.Empty(live.CapturedMessages);
    }

    [Fact]
    public void Replay_IncidentDeclaredWithoutPageRounds_DefaultsToTwoAndHashesWithoutTheField()
    {
        var declared = new IncidentDeclared("t", 2, IncidentKind.Normal, new ChannelRef("console", "c"), new SeverityPolicy(), ["commander"], [], [], null);

        var e = EventChain.Append(EventChain.GenesisHash, 1, 1, Scenario.Start, People.Alice, declared);

        Assert.DoesNotContain("pageRounds", EventChain.Canonical(e), StringComparison.Ordinal);
        Assert.Equal(2, Incident.Replay([e]).PageRounds);
        Assert.Contains("\"pageRounds\":3", EventChain.Canonical(e with { Data = declared with { PageRounds = 3 } }), StringComparison.Ordinal);
    }
}
