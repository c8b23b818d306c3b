using System.Text.Json;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Events;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage.Integrity;

/// <summary>Verifies stored hash chains: a whole incident, the last links of open incidents, and a whole file.</summary>
internal static class ChainAudit
{
    /// <summary>Reads an incident's events as stored and recomputes its chain; the snapshot's head and version must match its end.</summary>
    public static ChainVerification VerifyIncident(ILiteDatabase db, int incident)
    {
        var docs = ReadEventDocuments(db, incident, 1, long.MaxValue);
        var events = new List<IncidentEvent>(docs.Count);
        foreach (var d in docs)
        {
            try
            {
                events.Add(EventDocument.FromBson(d));
            }
            catch (Exception e) when (e is JsonException or InvalidCastException or NotSupportedException or KeyNotFoundException)
            {
                var seq = d["seq"].IsNumber ? d["seq"].AsInt64 : events.Count + 1;
                var head = events.Count > 0 ? events[^1].Hash : EventChain.GenesisHash;
                return new ChainVerification(false, docs.Count, head, seq, $"the event at sequence {seq} cannot be read: {e.Message}");
            }
        }

        var result = ChainVerifier.Verify(events);
        if (!result.Valid)
        {
            return result;
        }

        var snapshot = db.GetCollection(Collections.Incidents).FindById(incident);
        if (snapshot is not null && (snapshot["version"].AsInt64 != events.Count || snapshot["head"].AsString != result.Head))
        {
            return result with
            {
                Valid = false,
                BrokenAt = Math.Min(events.Count, snapshot["version"].AsInt64) + 1,
                Problem = $"the log ends at sequence {events.Count} but the incident is at version {snapshot["version"].AsInt64} with another head",
            };
        }

        return result;
    }

    /// <summary>Checks the last <paramref name="depth"/> links of every open incident; returns the problems found.</summary>
    public static IReadOnlyList<string> VerifyOpenIncidentTails(ILiteDatabase db, int depth)
    {
        var problems = new List<string>();
        foreach (var snapshot in db.GetCollection(Collections.Incidents).Find(SnapshotDocument.OpenIncidents))
        {
            var number = snapshot["_id"].AsInt32;
            var version = snapshot["version"].AsInt64;
            var problem = VerifyTail(db, number, version, snapshot["head"].AsString, depth);
            if (problem is not null)
            {
                problems.Add($"{AlertPageKey.FormatStream(number)}: {problem}");
            }
        }

        return problems;
    }

    /// <summary>Counts every collection and verifies every incident's whole chain.</summary>
    public static (Dictionary<string, int> Counts, int Incidents, List<string> Problems) VerifyDatabase(ILiteDatabase db)
    {
        var counts = Collections.All.ToDictionary(c => c, c => db.GetCollection(c).Count());
        var problems = new List<string>();
        var incidents = 0;
        foreach (var snapshot in db.GetCollection(Collections.Incidents).FindAll())
        {
            incidents++;
            var number = snapshot["_id"].AsInt32;
            var result = VerifyIncident(db, number);
            if (!result.Valid)
            {
                problems.Add($"{AlertPageKey.FormatStream(number)}: chain broken at sequence {result.BrokenAt}: {result.Problem}");
            }
        }

        return (counts, incidents, problems);
    }

    private static string? VerifyTail(ILiteDatabase db, int incident, long version, string head, int depth)
    {
        try
        {
            var from = Math.Max(1, version - depth + 1);
            var events = ReadEventDocuments(db, incident, from, version).Select(EventDocument.FromBson).ToList();
            if (events.Count != version - from + 1)
            {
                return $"expected events {from}..{version}, found {events.Count}";
            }

            string? previous = from == 1 ? EventChain.GenesisHash : null;
            foreach (var e in events)
            {
                if ((previous is not null && e.PreviousHash != previous) || EventChain.Hash(e.PreviousHash, EventChain.Canonical(e)) != e.Hash)
                {
                    return $"the link at sequence {e.Sequence} does not hold";
                }

                previous = e.Hash;
            }

            return version > 0 && previous != head ? $"the snapshot head does not match the event at sequence {version}" : null;
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or NotSupportedException or KeyNotFoundException)
        {
            return $"an event cannot be read: {e.Message}";
        }
    }

    /// <summary>
    /// The events <paramref name="from"/>..<paramref name="to"/> of one incident as one range of the <c>_id</c> index.
    /// (LiteDB serves <c>GTE AND LTE</c> from one bound of the index and filters the other over every document past
    /// it, so reading an early incident's events used to load every later incident's.)
    /// </summary>
    internal static BsonExpression EventRange(int incident, long from, long to) =>
        Filter.Between("_id", EventDocument.Id(incident, from), EventDocument.Id(incident, to));

    private static List<BsonDocument> ReadEventDocuments(ILiteDatabase db, int incident, long from, long to) =>
        [.. db.GetCollection(Collections.Events).Find(EventRange(incident, from, to)).OrderBy(d => d["seq"].AsInt64)];

    /// <summary>The stored events of an incident in order (for readers).</summary>
    public static List<BsonDocument> Events(ILiteDatabase db, int incident) => ReadEventDocuments(db, incident, 1, long.MaxValue);
}
