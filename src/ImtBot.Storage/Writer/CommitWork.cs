using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// Applies one <see cref="CommitRequest"/> inside the writer's open transaction: inbox (dedupe), version check,
/// events (chained onto the stored head), snapshot, outbox steps. Duplicates and conflicts return before any write.
/// </summary>
internal static class CommitWork
{
    public static CommitResult Apply(LiteDatabase db, CommitRequest request, DateTimeOffset now, FaultInjector faults)
    {
        var inbox = db.GetCollection(Collections.Inbox);
        if (request.InboxKey is { } key && inbox.FindById(key) is { } seen)
        {
            return new CommitResult(CommitStatus.Duplicate, seen["reply"].AsString);
        }

        var incidents = db.GetCollection(Collections.Incidents);
        var stored = request.Incident == 0 ? null : incidents.FindById(request.Incident);
        if (request.Incident != 0)
        {
            var current = stored?["version"].AsInt64;
            var fresh = request.ExpectedVersion == 0 ? stored is null : current == request.ExpectedVersion;
            if (!fresh)
            {
                return new CommitResult(CommitStatus.Conflict);
            }
        }

        if (request.InboxKey is not null)
        {
            inbox.Insert(new BsonDocument
            {
                ["_id"] = request.InboxKey,
                ["reply"] = request.Reply,
                ["incident"] = request.Incident,
                ["at"] = Times.ToTicks(now),
            });
        }

        faults.Hit(FaultPoint.AfterInbox, request);
        if (request.Events.Count > 0)
        {
            CheckChain(request, stored?["head"].AsString ?? EventChain.GenesisHash);
            db.GetCollection(Collections.Events).Insert(request.Events.Select(EventDocument.ToBson));
        }

        faults.Hit(FaultPoint.AfterEvents, request);
        if (request.Snapshot is { } snapshot)
        {
            incidents.Upsert(SnapshotDocument.ToBson(snapshot));
        }

        faults.Hit(FaultPoint.AfterSnapshot, request);
        if (request.Steps.Count > 0)
        {
            db.GetCollection(Collections.Outbox).Insert(request.Steps.Select(s => StepDocument.New(s, now)));
        }

        faults.Hit(FaultPoint.AfterSteps, request);
        return new CommitResult(CommitStatus.Committed, request.Reply);
    }

    /// <summary>Checks the request is well formed before the writer starts on it (a caller bug, not a user mistake).</summary>
    public static void Validate(CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Incident < 0)
        {
            throw new ArgumentException($"Incident must be 0 (none) or a positive number, was {request.Incident}.", nameof(request));
        }

        if (request.Incident == 0 && (request.Events.Count > 0 || request.Snapshot is not null))
        {
            throw new ArgumentException("A commit for incident 0 (no incident) cannot carry events or a snapshot.", nameof(request));
        }

        if (request.InboxKey is { Length: 0 })
        {
            throw new ArgumentException("InboxKey must be null or non-empty.", nameof(request));
        }

        if (request.Snapshot is { } s && (s.Number != request.Incident || s.Version != request.ExpectedVersion + request.Events.Count))
        {
            throw new ArgumentException(
                $"The snapshot must be INC-{request.Incident} at version {request.ExpectedVersion + request.Events.Count}, was INC-{s.Number} at {s.Version}.",
                nameof(request));
        }

        if (request.Events.Count > 0 && request.Snapshot is { } head && head.Head != request.Events[^1].Hash)
        {
            throw new ArgumentException("The snapshot's head must be the hash of the last event.", nameof(request));
        }

        for (var i = 0; i < request.Events.Count; i++)
        {
            var e = request.Events[i];
            if (e.Incident != request.Incident || e.Sequence != request.ExpectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Event {i} must be INC-{request.Incident} sequence {request.ExpectedVersion + i + 1}, was INC-{e.Incident} sequence {e.Sequence}.",
                    nameof(request));
            }
        }
    }

    private static void CheckChain(CommitRequest request, string head)
    {
        var previous = head;
        foreach (var e in request.Events)
        {
            if (e.PreviousHash != previous || EventChain.Hash(previous, EventChain.Canonical(e)) != e.Hash)
            {
                throw new InvalidOperationException($"Event INC-{e.Incident} sequence {e.Sequence} does not chain onto the stored head; nothing was committed.");
            }

            previous = e.Hash;
        }
    }
}
