using System.Collections.Frozen;
using Stateless;
using Stateless.Graph;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The whole transition table of an incident, in one place (Stateless):
/// <c>Declared → Investigating → Identified → Mitigated → Resolved → Closed</c>; moves among the three active states
/// in both directions; Declared may also go straight to Identified, Mitigated or Resolved (a problem found already
/// understood, or already over by the time it is declared); <c>Resolved → Investigating</c> on reopen; Cancelled (a
/// false alarm) from Declared or Investigating. Closed and Cancelled are final.
/// The table is read once into a frozen lookup, so the queries are thread-safe and allocation-free.
/// </summary>
public static class IncidentLifecycle
{
    private static readonly FrozenDictionary<(IncidentStatus From, LifecycleTrigger Trigger), IncidentStatus> Table = ReadTable();

    /// <summary>The states some trigger leads out of; the others are final.</summary>
    private static readonly FrozenSet<IncidentStatus> Movable = Table.Keys.Select(k => k.From).ToFrozenSet();

    /// <summary>True when <paramref name="trigger"/> is permitted in <paramref name="from"/>.</summary>
    public static bool CanFire(IncidentStatus from, LifecycleTrigger trigger) => Table.ContainsKey((from, trigger));

    /// <summary>Where <paramref name="trigger"/> leads from <paramref name="from"/>, or null when it is not permitted.</summary>
    public static IncidentStatus? Target(IncidentStatus from, LifecycleTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>True when some trigger leads from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Table.Any(t => t.Key.From == from && t.Value == to);

    /// <summary>The states reachable in one move from <paramref name="from"/>, in lifecycle order.</summary>
    public static IReadOnlyList<IncidentStatus> AllowedTargets(IncidentStatus from) =>
        Table.Where(t => t.Key.From == from).Select(t => t.Value).Distinct().Order().ToArray();

    /// <summary>The triggers permitted in <paramref name="from"/>, in declaration order.</summary>
    public static IReadOnlyList<LifecycleTrigger> PermittedTriggers(IncidentStatus from) =>
        Table.Keys.Where(k => k.From == from).Select(k => k.Trigger).Order().ToArray();

    /// <summary>
    /// Closed and Cancelled: nothing changes an incident any more. This and <see cref="IsActive"/> are the one definition
    /// of final and active; the state, the review and the cards ask here.
    /// </summary>
    public static bool IsFinal(IncidentStatus status) => !Movable.Contains(status);

    /// <summary>Declared, Investigating, Identified, Mitigated: people are still working on it (open intervals run).</summary>
    public static bool IsActive(IncidentStatus status) => CanFire(status, LifecycleTrigger.Resolve);

    /// <summary>The trigger a typed move (<c>investigating</c>, <c>identified</c>, <c>mitigated</c>, <c>resolved</c>) fires.</summary>
    public static LifecycleTrigger? TriggerFor(IncidentStatus target) => target switch
    {
        IncidentStatus.Investigating => LifecycleTrigger.Investigate,
        IncidentStatus.Identified => LifecycleTrigger.Identify,
        IncidentStatus.Mitigated => LifecycleTrigger.Mitigate,
        IncidentStatus.Resolved => LifecycleTrigger.Resolve,
        IncidentStatus.Closed => LifecycleTrigger.Close,
        IncidentStatus.Cancelled => LifecycleTrigger.Cancel,
        _ => null,
    };

    /// <summary>The lifecycle as a Mermaid state diagram (Stateless's <c>MermaidGraph</c>), as the README shows it.</summary>
    public static string MermaidDiagram() => MermaidGraph.Format(Build(IncidentStatus.Declared).GetInfo());

    private static StateMachine<IncidentStatus, LifecycleTrigger> Build(IncidentStatus initial)
    {
        var state = initial;
        var machine = new StateMachine<IncidentStatus, LifecycleTrigger>(() => state, s => state = s);

        machine.Configure(IncidentStatus.Declared)
            .Permit(LifecycleTrigger.Investigate, IncidentStatus.Investigating)
            .Permit(LifecycleTrigger.Identify, IncidentStatus.Identified)
            .Permit(LifecycleTrigger.Mitigate, IncidentStatus.Mitigated)
            .Permit(LifecycleTrigger.Resolve, IncidentStatus.Resolved)
            .Permit(LifecycleTrigger.Cancel, IncidentStatus.Cancelled);

        machine.Configure(IncidentStatus.Investigating)
            .Permit(LifecycleTrigger.Identify, IncidentStatus.Identified)
            .Permit(LifecycleTrigger.Mitigate, IncidentStatus.Mitigated)
            .Permit(LifecycleTrigger.Resolve, IncidentStatus.Resolved)
            .Permit(LifecycleTrigger.Cancel, IncidentStatus.Cancelled);

        machine.Configure(IncidentStatus.Identified)
            .Permit(LifecycleTrigger.Investigate, IncidentStatus.Investigating)
            .Permit(LifecycleTrigger.Mitigate, IncidentStatus.Mitigated)
            .Permit(LifecycleTrigger.Resolve, IncidentStatus.Resolved);

        machine.Configure(IncidentStatus.Mitigated)
            .Permit(LifecycleTrigger.Investigate, IncidentStatus.Investigating)
            .Permit(LifecycleTrigger.Identify, IncidentStatus.Identified)
            .Permit(LifecycleTrigger.Resolve, IncidentStatus.Resolved);

        machine.Configure(IncidentStatus.Resolved)
            .Permit(LifecycleTrigger.Reopen, IncidentStatus.Investigating)
            .Permit(LifecycleTrigger.Close, IncidentStatus.Closed);

        machine.Configure(IncidentStatus.Closed);
        machine.Configure(IncidentStatus.Cancelled);
        return machine;
    }

    private static FrozenDictionary<(IncidentStatus, LifecycleTrigger), IncidentStatus> ReadTable() =>
        Build(IncidentStatus.Declared).GetInfo().States
            .SelectMany(s => s.FixedTransitions.Select(t => (
                Key: ((IncidentStatus)s.UnderlyingState, (LifecycleTrigger)t.Trigger.UnderlyingTrigger),
                To: (IncidentStatus)t.DestinationState.UnderlyingState)))
            .ToFrozenDictionary(x => x.Key, x => x.To);
}
