namespace ImtBot.Core.Ports;

/// <summary>
/// The incident log's write side: one writer, atomic commits (inbox + events + snapshot + outbox) with hash-chained
/// events, the inbox that makes a redelivered command a duplicate, and incident numbering.
/// </summary>
public interface IIncidentLog
{
    /// <summary>Commits atomically and durably (fsynced) before completing.</summary>
    Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default);

    /// <summary>The reply (and whether it accepted) recorded for an inbox key, or null if the key was never seen.</summary>
    InboxReply? FindInboxReply(string inboxKey);

    /// <summary>The next free incident number (max + 1). A commit that takes a number already taken is a conflict.</summary>
    int NextIncidentNumber();
}
