using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using static ImtBot.Core.Tests.Reviews.IncidentScript;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

public class ReviewModelTests
{
    [Fact]
    public void From_ScriptedIncident_EveryMilestoneAndDuration()
    {
        var m = ReviewModel.From(Checkout().Events).Milestones;

        Assert.Equal(Start, m.Declared);
        Assert.Equal(Start + T(4, 10), m.Acknowledged);
        Assert.Equal(Start + T(58), m.Mitigated);
        Assert.Equal(Start + T(90), m.Resolved);
        Assert.Equal(Start + T(120), m.Closed);
        Assert.Null(m.Cancelled);
        Assert.Equal(T(4, 10), m.TimeToAcknowledge);
        Assert.Equal(T(58), m.TimeToMitigate);
        Assert.Equal(T(90), m.TimeToResolve);
        Assert.Equal(T(120), m.Total);
    }

    [Fact]
    public void From_ScriptedIncident_Adherence()
    {
        var a = ReviewModel.From(Checkout().Events).Adherence;

        Assert.Equal(T(4, 10), a.WithoutCommander);
        Assert.Equal([new RoleVacancy("commander", T(4, 10)), new RoleVacancy("comms", T(17)), new RoleVacancy("ops", T(30))], a.KeyRoles);
        Assert.Equal(
            [new UpdateGap(Start, Start + T(20), T(60)), new UpdateGap(Start + T(20), Start + T(65), T(30)), new UpdateGap(Start + T(65), Start + T(90), T(30))],
            a.UpdateGaps);
        Assert.Equal(T(45), a.LongestUpdateGap!.Length);
        Assert.Equal(1, a.LateUpdates);
        // A decline is an answer: only the expired page was missed.
        Assert.Equal([("p3", PageStatus.Expired)], a.MissedPages.Select(p => (p.Id, p.Outcome)));
    }

    [Fact]
    public void From_ScriptedIncident_RolesAndHandover()
    {
        var r = ReviewModel.From(Checkout().Events);

        Assert.Equal(
            [
                new RoleTenure("commander", Carol, Start + T(4, 10), Start + T(72, 30), "handed over to @Grace"),
                new RoleTenure("comms", Erin, Start + T(17), null, null),
                new RoleTenure("ops", Frank, Start + T(30), null, null),
                new RoleTenure("commander", Grace, Start + T(72, 30), null, null),
            ],
            r.Roles);
        Assert.Equal(new ReviewHandover(Start + T(70), Carol, Grace, "Cert renewed on 2 of 3 nodes; watch the error rate", true, Start + T(72, 30)), Assert.Single(r.Handovers));
        Assert.Equal(Grace, r.Commander);
        Assert.Equal([Alice, Bob, Carol, Erin, Frank, Grace], r.Responders.Select(p => p.User));
        Assert.Equal(["commander"], r.Responders.Single(p => p.User == Carol).Roles);
    }

    [Fact]
    public void From_ScriptedIncident_SummaryFacts()
    {
        var r = ReviewModel.From(Checkout().Events);

        Assert.Equal((7, "INC-7", IncidentStatus.Closed, 1, 2, 1), (r.Incident, r.Key, r.Status, r.Severity, r.InitialSeverity, r.PeakSeverity));
        Assert.Equal(T(30), r.Policy.UpdateCadence);
        Assert.Equal(3, r.Updates.Count);
        Assert.Equal([false, true], r.Actions.Select(a => a.Done).Reverse());
        Assert.Equal(Checkout().Events.Count, r.Timeline.Count);
        Assert.True(r.Audit.Valid);
        Assert.Equal(Start + T(120), r.AsOf);
    }

    [Fact]
    public void From_Reopened_ResolvedIsTheLastAndVacancyRestarts()
    {
        var events = Reopened().Events;

        var r = ReviewModel.From(events);

        Assert.Equal(Start + T(50), r.Milestones.Resolved);
        Assert.Equal(Start + T(10), r.Milestones.Mitigated);
        Assert.Equal(T(15), r.Adherence.WithoutCommander);
        Assert.Equal([T(10), T(20)], r.Adherence.UpdateGaps.Select(g => g.Length));
        Assert.Null(r.Milestones.Total);
        Assert.Equal(Start + T(50), r.AsOf);
    }

    [Fact]
    public void From_RoleReleased_EndsTheTenureAndCountsTheVacancy()
    {
        var events = Released().Events;

        var r = ReviewModel.From(events);

        Assert.Equal(new RoleTenure("comms", Bob, Start + T(5), Start + T(15), "released: shift ended"), r.Roles[1]);
        Assert.Equal(T(30), r.Adherence.KeyRoles.Single(v => v.Role == "comms").Empty);
        Assert.Equal(TimeSpan.Zero, r.Adherence.WithoutCommander);
        Assert.Equal(Start + T(40), r.Milestones.Cancelled);
        Assert.Equal(T(40), r.Milestones.Total);
        // The declarer took command at once: a commander, but nobody acknowledged anything.
        Assert.Null(r.Milestones.Acknowledged);
        Assert.Equal(Start, r.Milestones.Commanded);
        Assert.Null(r.Milestones.Mitigated);
    }

    [Fact]
    public void From_AsOf_MeasuresAnOpenIncidentToThatMoment()
    {
        var events = Open().Events;

        var r = ReviewModel.From(events, asOf: Start + T(12));

        Assert.Equal(T(12), r.Adherence.WithoutCommander);
        Assert.Equal(T(12), r.Adherence.LongestUpdateGap!.Length);
        Assert.True(r.Adherence.LongestUpdateGap.Cadence == T(30) && !r.Adherence.LongestUpdateGap.Late);
        Assert.Null(r.Milestones.Acknowledged);
    }

    [Fact]
    public void From_PinnedMessage_PlacedAtItsOwnTimeUnderItsAuthor()
    {
        var events = Pins().Events;

        var timeline = ReviewModel.From(events).Timeline;

        Assert.Equal([1L, 3L, 2L], timeline.Select(t => t.Sequence));
        Assert.Equal(new TimelineEntry(3, Start + T(3), Bob, "message_captured", "said: I see 502s (pinned by @Erin at 09:09:00 UTC)"), timeline[1]);
    }

    [Fact]
    public void From_NoEvents_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReviewModel.From([]));
    }
}
