using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Ports;

/// <summary>
/// The durable store: one writer, atomic commits (inbox + events + snapshot + outbox), hash-chained events,
/// outbox leasing, and links (external ids such as <c>slack:channel</c> → <c>C123</c>). Reads are synchronous.
/// </summary>
public interface IIncidentStore
{
    /// <summary>Commits atomically and durably (fsynced) before completing.</summary>
    Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default);

    /// <summary>The reply recorded for an inbox key, or null if the key was never seen.</summary>
    string? FindInboxReply(string inboxKey);

    /// <summary>The next free incident number (max + 1). A commit that takes a number already taken is a conflict.</summary>
    int NextIncidentNumber();

    IncidentSnapshot? FindIncident(int number);

    IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly);

    /// <summary>Incidents declared in [from, to) — for metrics.</summary>
    IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The events of an incident in sequence order.</summary>
    IReadOnlyList<IncidentEvent> GetEvents(int number);

    /// <summary>The incident whose channel (link <c>{platform}:channel</c>) is this one, if any.</summary>
    int? FindIncidentByChannel(ChannelRef channel);

    /// <summary>External ids learned for an incident, e.g. <c>slack:channel</c>, <c>slack:card</c>, <c>teams:activity</c>.</summary>
    IReadOnlyDictionary<string, string> GetLinks(int incident);

    /// <summary>Leases up to <paramref name="max"/> due pending steps (and steps whose lease expired) to <paramref name="owner"/>.</summary>
    Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a step done and stores the links it learned, atomically.</summary>
    Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> links, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Returns a step to pending with its error, due again at <paramref name="retryAt"/>.</summary>
    Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a step (dead letter); it is listed by <see cref="GetSteps"/>.</summary>
    Task DeadLetterStepAsync(string key, string error, DateTimeOffset now, CancellationToken cancellationToken = default);

    IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status);

    /// <summary>The earliest due time of a pending step, so the dispatcher can sleep until then.</summary>
    DateTimeOffset? NextDueAt();

    /// <summary>Org-wide settings kept beside incidents (on-call lists set by command): null when unset.</summary>
    string? GetSetting(string key);

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}
