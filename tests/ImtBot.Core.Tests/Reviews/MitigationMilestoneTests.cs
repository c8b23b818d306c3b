using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;
using static ImtBot.Core.Tests.Reviews.IncidentScript;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>
/// An incident resolved without ever being marked mitigated was mitigated when it was resolved: the state (which the
/// cards and the API read) and the review (<c>review.md</c>, metrics) say so alike.
/// </summary>
public class MitigationMilestoneTests
{
    [Fact]
    public void Replay_ResolvedStraightFromInvestigating_StateReviewAndMarkdownShowTheResolveAsMitigation()
    {
        var events = ResolvedFromInvestigating().Events;

        var state = Incident.Replay(events);
        var review = ReviewModel.From(events);

        Assert.Equal(Start + T(25), state.MitigatedAt);
        Assert.Equal(state.MitigatedAt, review.Milestones.Mitigated);
        Assert.Contains("| Mitigated | 2026-11-27 09:25:00 | 25m 0s |", ReviewWriter.ToMarkdown(review), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ResolvedCommandFromInvestigating_LiveStateIsMitigatedAtTheResolve()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));
        s.Advance(TimeSpan.FromMinutes(20));

        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, "fixed"));

        Assert.Equal(Scenario.Start.AddMinutes(20), s.Live.MitigatedAt);
        Assert.Equal(s.Live.ResolvedAt, s.Live.MitigatedAt);
        Assert.Equal(s.Live.MitigatedAt, ReviewModel.From(s.Events).Milestones.Mitigated);
    }

    [Fact]
    public void Replay_MitigatedThenResolved_MitigationStaysTheFirstMitigated()
    {
        var state = Incident.Replay(Checkout().Events);

        Assert.Equal(Start + T(58), state.MitigatedAt);
        Assert.Equal(Start + T(90), state.ResolvedAt);
    }

    [Fact]
    public void Replay_ReopenedAndResolvedAgain_MitigationIsTheFirstResolveAndResolvedTheLast()
    {
        var state = Incident.Replay(Reopened().Events);

        Assert.Equal((Start + T(10), Start + T(50)), (state.MitigatedAt, state.ResolvedAt));
    }
}
