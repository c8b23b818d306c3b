using ImtBot.Core.Events;

namespace ImtBot.Core.Ports;

/// <summary>
/// One atomic commit: the inbox key (dedupe; null for none), the new chained events of one incident (none for a
/// command that changed nothing), the snapshot at <c>ExpectedVersion + Events.Count</c>, the outbox steps, and the
/// reply that a duplicate delivery gets back with whether the command was accepted. Incident 0 means "no incident"
/// (inbox only).
/// </summary>
public sealed record CommitRequest(
    string? InboxKey,
    int Incident,
    long ExpectedVersion,
    IReadOnlyList<IncidentEvent> Events,
    IncidentSnapshot? Snapshot,
    IReadOnlyList<NewStep> Steps,
    string Reply,
    bool Accepted = true);
