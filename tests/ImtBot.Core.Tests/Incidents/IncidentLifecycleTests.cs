using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

public class IncidentLifecycleTests
{
    /// <summary>The expected table, written out independently of the implementation.</summary>
    private static readonly Dictionary<(IncidentStatus, LifecycleTrigger), IncidentStatus> Expected = new()
    {
        [(IncidentStatus.Declared, LifecycleTrigger.Investigate)] = IncidentStatus.Investigating,
        [(IncidentStatus.Declared, LifecycleTrigger.Identify)] = IncidentStatus.Identified,
        [(IncidentStatus.Declared, LifecycleTrigger.Mitigate)] = IncidentStatus.Mitigated,
        [(IncidentStatus.Declared, LifecycleTrigger.Resolve)] = IncidentStatus.Resolved,
        [(IncidentStatus.Declared, LifecycleTrigger.Cancel)] = IncidentStatus.Cancelled,
        [(IncidentStatus.Investigating, LifecycleTrigger.Identify)] = IncidentStatus.Identified,
        [(IncidentStatus.Investigating, LifecycleTrigger.Mitigate)] = IncidentStatus.Mitigated,
        [(IncidentStatus.Investigating, LifecycleTrigger.Resolve)] = IncidentStatus.Resolved,
        [(IncidentStatus.Investigating, LifecycleTrigger.Cancel)] = IncidentStatus.Cancelled,
        [(IncidentStatus.Identified, LifecycleTrigger.Investigate)] = IncidentStatus.Investigating,
        [(IncidentStatus.Identified, LifecycleTrigger.Mitigate)] = IncidentStatus.Mitigated,
        [(IncidentStatus.Identified, LifecycleTrigger.Resolve)] = IncidentStatus.Resolved,
        [(IncidentStatus.Mitigated, LifecycleTrigger.Investigate)] = IncidentStatus.Investigating,
        [(IncidentStatus.Mitigated, LifecycleTrigger.Identify)] = IncidentStatus.Identified,
        [(IncidentStatus.Mitigated, LifecycleTrigger.Resolve)] = IncidentStatus.Resolved,
        [(IncidentStatus.Resolved, LifecycleTrigger.Reopen)] = IncidentStatus.Investigating,
        [(IncidentStatus.Resolved, LifecycleTrigger.Close)] = IncidentStatus.Closed,
    };

    public static TheoryData<IncidentStatus, LifecycleTrigger> AllPairs()
    {
        var data = new TheoryData<IncidentStatus, LifecycleTrigger>();
        foreach (var s in Enum.GetValues<IncidentStatus>())
        {
            foreach (var t in Enum.GetValues<LifecycleTrigger>())
            {
                data.Add(s, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Target_EveryPair_MatchesTable(IncidentStatus from, LifecycleTrigger trigger)
    {
        IncidentStatus? expected = Expected.TryGetValue((from, trigger), out var to) ? to : null;

        Assert.Equal(expected, IncidentLifecycle.Target(from, trigger));
        Assert.Equal(expected is not null, IncidentLifecycle.CanFire(from, trigger));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Decide_EveryPair_AllowedReachesTargetForbiddenRejectedWithMessage(IncidentStatus from, LifecycleTrigger trigger)
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        foreach (var step in PathTo(from))
        {
            s.Ok(People.Alice, step);
        }

        Assert.Equal(from, s.Live.Status);
        var command = CommandFor(trigger);

        if (Expected.TryGetValue((from, trigger), out var to))
        {
            var d = s.Ok(People.Alice, command);
            Assert.Equal(to, s.Live.Status);
            var change = Assert.Single(d.Events.OfType<StatusChanged>());
            Assert.Equal((from, to), (change.From, change.To));
        }
        else
        {
            var d = s.No(People.Alice, command);
            Assert.Contains("INC-42", d.Reply, StringComparison.Ordinal);
            Assert.Equal(from, s.Live.Status);
        }
    }

    [Fact]
    public void AllowedTargets_Resolved_ReopenOrClose()
    {
        Assert.Equal([IncidentStatus.Investigating, IncidentStatus.Closed], IncidentLifecycle.AllowedTargets(IncidentStatus.Resolved));
        Assert.True(IncidentLifecycle.CanMove(IncidentStatus.Mitigated, IncidentStatus.Identified));
        Assert.False(IncidentLifecycle.CanMove(IncidentStatus.Closed, IncidentStatus.Investigating));
    }

    [Theory]
    [InlineData(IncidentStatus.Closed, true)]
    [InlineData(IncidentStatus.Cancelled, true)]
    [InlineData(IncidentStatus.Resolved, false)]
    [InlineData(IncidentStatus.Declared, false)]
    public void IsFinal_ClosedAndCancelledOnly(IncidentStatus status, bool final) =>
        Assert.Equal(final, IncidentLifecycle.IsFinal(status));

    [Fact]
    public void MermaidDiagram_DrawsEveryTransition()
    {
        var diagram = IncidentLifecycle.MermaidDiagram();

        Assert.StartsWith("stateDiagram-v2", diagram, StringComparison.Ordinal);
        foreach (var ((from, trigger), to) in Expected)
        {
            Assert.Contains($"{from} --> {to} : {trigger}", diagram, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_ResolvedToInvestigatingTyped_RejectedPointingAtReopen()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        var d = s.No(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));

        Assert.Contains("reopen", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CancelWithoutReason_Rejected()
    {
        var s = Scenario.Declared();

        var d = s.No(People.Alice, new CancelCommand("  "));

        Assert.Contains("cancel <reason>", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FinalState_RejectsNotes()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new CancelCommand("false alarm"));

        var d = s.No(People.Bob, new NoteCommand("hello"));

        Assert.Contains("cancelled", d.Reply, StringComparison.Ordinal);
    }

    internal static Command CommandFor(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.Investigate => new TransitionCommand(IncidentStatus.Investigating, null),
        LifecycleTrigger.Identify => new TransitionCommand(IncidentStatus.Identified, "bad config"),
        LifecycleTrigger.Mitigate => new TransitionCommand(IncidentStatus.Mitigated, null),
        LifecycleTrigger.Resolve => new TransitionCommand(IncidentStatus.Resolved, null),
        LifecycleTrigger.Reopen => new ReopenCommand("errors are back"),
        LifecycleTrigger.Cancel => new CancelCommand("false alarm"),
        _ => new CloseCommand(),
    };

    internal static IEnumerable<Command> PathTo(IncidentStatus status) => status switch
    {
        IncidentStatus.Declared => [],
        IncidentStatus.Investigating => [CommandFor(LifecycleTrigger.Investigate)],
        IncidentStatus.Identified => [CommandFor(LifecycleTrigger.Identify)],
        IncidentStatus.Mitigated => [CommandFor(LifecycleTrigger.Mitigate)],
        IncidentStatus.Resolved => [CommandFor(LifecycleTrigger.Resolve)],
        IncidentStatus.Closed => [CommandFor(LifecycleTrigger.Resolve), CommandFor(LifecycleTrigger.Close)],
        _ => [CommandFor(LifecycleTrigger.Cancel)],
    };
}
