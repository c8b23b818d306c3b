using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Storage;

namespace ImtBot.Security;

/// <summary>
/// The admin audit stream: every admin action (API tokens, on-call lists, the Teams incident team) is an
/// event of its own stream, hash-chained exactly as an incident's events are (<see cref="EventChain"/>, stream number
/// 0), so the same verifier proves nothing was changed, removed or reordered.
/// </summary>
public sealed class AdminAudit(IDocumentDatabase database, TimeProvider time) : ImtBot.Core.Ports.IAdminAuditLog
{
    /// <summary>The stream number in the canonical form; incidents start at 1.</summary>
    public const int Stream = 0;

    private readonly IDocumentCollection<AuditRecord> _records = database.Collection<AuditRecord>("admin_audit");

    /// <summary>Appends one event after the current head, on the single writer, durable before it completes.</summary>
    public Task<IncidentEvent> AppendAsync(UserRef actor, EventData data, CancellationToken ct = default) => _records.WriteAsync(c =>
    {
        var last = c.Last();
        var e = EventChain.Append(last?.Hash ?? EventChain.GenesisHash, Stream, (last?.Id ?? 0) + 1, time.GetUtcNow(), actor, data);
        c.Insert(new AuditRecord
        {
            Id = e.Sequence,
            AtTicks = e.At.UtcTicks,
            ActorPlatform = actor.Platform,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Data = EventChain.SerializeData(data),
            PreviousHash = e.PreviousHash,
            Hash = e.Hash,
        });
        return e;
    }, ct);

    Task ImtBot.Core.Ports.IAdminAuditLog.AppendAsync(UserRef actor, EventData data, CancellationToken cancellationToken) => AppendAsync(actor, data, cancellationToken);

    /// <summary>The stream in order, as events the chain verifier reads.</summary>
    public IReadOnlyList<IncidentEvent> Events() => _records.FindAll()
        .Select(r => new IncidentEvent(Stream, r.Id, new DateTimeOffset(r.AtTicks, TimeSpan.Zero), new UserRef(r.ActorPlatform, r.ActorId, r.ActorName), EventChain.DeserializeData(r.Data), r.PreviousHash, r.Hash))
        .ToList();

    public ChainVerification Verify() => ChainVerifier.Verify(Events(), Stream);
}
