using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Ports;

/// <summary>The read side of the incident log: snapshots, events and the channel an incident lives in. Reads are synchronous.</summary>
public interface IIncidentQueries
{
    IncidentSnapshot? FindIncident(int number);

    IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly);

    /// <summary>Incidents declared in [from, to) — for metrics.</summary>
    IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The events of an incident in sequence order.</summary>
    IReadOnlyList<IncidentEvent> GetEvents(int number);

    /// <summary>The events of an incident after sequence <paramref name="after"/>, in order: what an index kept by version reads to catch up.</summary>
    IReadOnlyList<IncidentEvent> GetEventsAfter(int number, long after) => [.. GetEvents(number).Where(e => e.Sequence > after)];

    /// <summary>The incident whose channel (link <c>{platform}:channel</c>) is this one, if any.</summary>
    int? FindIncidentByChannel(ChannelRef channel);

    /// <summary>
    /// The numbers of the alert pages, in order. Their streams live in the same log below zero (AP-3 is stream −3, with
    /// its snapshot beside the incidents'), so <see cref="ListIncidents(bool)"/> never lists them.
    /// </summary>
    IReadOnlyList<int> ListAlertPages() => [];
}
