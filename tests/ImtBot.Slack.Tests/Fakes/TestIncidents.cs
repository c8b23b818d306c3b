using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>Incidents built the only public way: replaying their events.</summary>
public static class TestIncidents
{
    public static readonly UserRef Alice = new(PlatformNames.Slack, "UALICE", "Alice");

    public static IncidentState Declared(int number, string title = "Checkout is failing", UserRef? by = null, params EventData[] more)
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var declared = new IncidentDeclared(title, 2, IncidentKind.Normal, new ChannelRef(PlatformNames.Slack, "CGENERAL"), new SeverityPolicy(), ["commander", "comms"], ["commander"], [], null);
        var events = new List<IncidentEvent>();
        var head = EventChain.GenesisHash;
        foreach (var data in new EventData[] { declared }.Concat(more))
        {
            var e = EventChain.Append(head, number, events.Count + 1, at, by ?? Alice, data);
            events.Add(e);
            head = e.Hash;
        }

        var state = IncidentState.Replay(events);
        Set(state, nameof(IncidentState.Title), title);
        Set(state, nameof(IncidentState.Severity), 2);
        Set(state, nameof(IncidentState.DeclaredBy), by ?? Alice);
        return state;
    }

    /// <summary>
    /// Sets a state property directly (its setter is internal to Core): these tests cover the Slack adapter, not the
    /// domain's fold, and must not depend on how far the fold is built.
    /// </summary>
    public static void SetRole(IncidentState state, string role, UserRef user)
    {
        var holders = (Dictionary<string, RoleHolder>)typeof(IncidentState).GetProperty("HoldersByRole", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(state)!;
        holders[role] = new RoleHolder(role, user, DateTimeOffset.UnixEpoch);
    }

    public static void Set(IncidentState state, string property, object? value) =>
        typeof(IncidentState).GetProperty(property)!.SetValue(state, value);
}
