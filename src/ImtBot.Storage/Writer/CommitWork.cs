using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// Applies one <see cref="CommitRequest"/> inside the writer's open transaction: inbox (dedupe against the
/// <see cref="InboxIndex"/>, then the numbered inbox document), version check (against <see cref="IncidentHeads"/>),
/// events (chained onto the stored head), snapshot, outbox steps (one group document). Duplicates and conflicts
/// return before any write.
/// </summary>
internal static class CommitWork
{
    /// <summary>
    /// Validates and hashes on the caller's thread and builds the documents there, so the single writer only
    /// compares the chain head and inserts.
    /// </summary>
    public static PreparedCommit Prepare(CommitRequest request, DateTimeOffset now)
    {
        Validate(request);
        var previous = request.Events.Count > 0 ? request.Events[0].PreviousHash : null;
        foreach (var e in request.Events)
        {
            if (e.PreviousHash != previous || EventChain.Hash(e.PreviousHash, EventChain.Canonical(e)) != e.Hash)
            {
                throw new ArgumentException($"Event INC-{e.Incident} sequence {e.Sequence} does not hold its own hash or link; nothing was committed.", nameof(request));
            }

            previous = e.Hash;
        }

        return new PreparedCommit(
            request,
            [.. request.Events.Select(EventDocument.ToBson)],
            request.Snapshot is { } s ? SnapshotDocument.ToBson(s) : null,
            GroupDocument.New(request.Steps, now),
            now);
    }

    public static CommitResult Apply(LiteDatabase db, PreparedCommit prepared, FaultInjector faults, WriterIndexes indexes)
    {
        var request = prepared.Request;
        var inbox = indexes.Inbox;
        if (request.InboxKey is { } key && inbox.Find(key) is { } seen)
        {
            return new CommitResult(CommitStatus.Duplicate, seen.Text, seen.Accepted);
        }

        // The stored version and head, from the writer's map of every snapshot (no read of the document).
        var exists = indexes.Heads.TryGet(request.Incident, out var stored);
        if (request.Incident != 0)
        {
            var fresh = request.ExpectedVersion == 0 ? !exists : exists && stored.Version == request.ExpectedVersion;
            if (!fresh)
            {
                return new CommitResult(CommitStatus.Conflict);
            }
        }

        if (request.InboxKey is { } inboxKey)
        {
            db.GetCollection(Collections.Inbox).Insert(new BsonDocument
            {
                ["_id"] = inbox.Add(inboxKey, new InboxReply(request.Reply, request.Accepted), prepared.At),
                ["key"] = inboxKey,
                ["reply"] = request.Reply,
                ["accepted"] = request.Accepted,
                ["incident"] = request.Incident,
                ["at"] = Times.ToTicks(prepared.At),
            });
        }

        faults.Hit(FaultPoint.AfterInbox, request);
        if (prepared.Events.Count > 0)
        {
            var head = exists ? stored.Head : EventChain.GenesisHash;
            if (request.Events[0].PreviousHash != head)
            {
                throw new InvalidOperationException(
                    $"Event INC-{request.Incident} sequence {request.Events[0].Sequence} does not chain onto the stored head; nothing was committed.");
            }

            db.GetCollection(Collections.Events).Insert(prepared.Events);
        }

        faults.Hit(FaultPoint.AfterEvents, request);
        if (prepared.Snapshot is { } snapshot)
        {
            var incidents = db.GetCollection(Collections.Incidents);
            if (exists)
            {
                incidents.Update(snapshot);
            }
            else
            {
                incidents.Insert(snapshot);
            }

            indexes.Heads.Set(request.Incident, snapshot["version"].AsInt64, snapshot["head"].AsString);
        }

        faults.Hit(FaultPoint.AfterSnapshot, request);
        if (prepared.Steps is { } group)
        {
            db.GetCollection(Collections.Outbox).Insert(group);
        }

        faults.Hit(FaultPoint.AfterSteps, request);
        return new CommitResult(CommitStatus.Committed, request.Reply, request.Accepted);
    }

    /// <summary>Checks the request is well formed before the writer starts on it (a caller bug, not a user mistake).</summary>
    public static void Validate(CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

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

        // Step keys were the steps' _id: a commit's own keys must be distinct (keys of different commits are, as the
        // command service makes them from the incident and the event sequence the version check makes unique).
        if (request.Steps.Count > 1 && request.Steps.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() != request.Steps.Count)
        {
            throw new ArgumentException("The commit's outbox steps must have distinct keys; nothing was committed.", nameof(request));
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
}
