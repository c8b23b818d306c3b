using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>Incidents built the only public way: replaying their events.</summary>
public static class TestIncidents
{
    public static readonly UserRef Alice = new(PlatformNames.Slack, "UALICE", "Alice");

    public static Incident Declared(int number, string title = "Checkout is failing", UserRef? by = null, params EventData[] more) =>
        Replay(number, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), title, by, more);

    /// <summary>Incident <paramref name="number"/> declared <c>private</c>.</summary>
    public static Incident DeclaredPrivate(int number) =>
        Incident.Replay([EventChain.Append(EventChain.GenesisHash, number, 1, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), Alice,
            new IncidentDeclared("Payroll export leaked", 2, IncidentKind.Normal, new ChannelRef(PlatformNames.Slack, "CGENERAL"), new SeverityPolicy(), ["commander"], ["commander"], [], null) { Private = true })]);

    /// <summary>Incident <paramref name="number"/> declared, then closed at <paramref name="closedAt"/>.</summary>
    public static Incident Closed(int number, DateTimeOffset closedAt) =>
        Replay(number, closedAt, "Checkout is failing", null,
            [new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, null), new StatusChanged(IncidentStatus.Investigating, IncidentStatus.Resolved, null), new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null)]);

    private static Incident Replay(int number, DateTimeOffset at, string title, UserRef? by, EventData[] more)
    {
        var declared = new IncidentDeclared(title, 2, IncidentKind.Normal, new ChannelRef(PlatformNames.Slack, "CGENERAL"), new SeverityPolicy(), ["commander", "comms"], ["commander"], [], null);
        var events = new List<IncidentEvent>();
        var head = EventChain.GenesisHash;
        foreach (var data in new EventData[] { declared }.Concat(more))
        {
            var e = EventChain.Append(head, number, events.Count + 1, at, by ?? Alice, data);
            events.Add(e);
            head = e.Hash;
        }

        return Incident.Replay(events);
    }
}
