namespace ImtBot.Core.Ports;

/// <summary>
/// A stored outbox step: an effect (or a timer) to run at or after DueAt, leased by one dispatcher at a time.
/// FailingSince is when its current run of transient faults began (null when its last attempt did not fail): the
/// dispatcher gives up on it only once it has failed for <c>Dispatcher:GiveUpAfter</c>. FirstTriedAt is when it was
/// first leased (null on steps never leased, or stored before it was kept): a platform reconciling an ambiguous call
/// searches from then on.
/// </summary>
public sealed record OutboxStep(
    string Key,
    int Incident,
    string Platform,
    string Kind,
    string Payload,
    DateTimeOffset DueAt,
    OutboxStatus Status,
    int Attempts,
    string? LastError,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FailingSince = null,
    DateTimeOffset? FirstTriedAt = null);
