using System.Text.Json;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Events;

/// <summary>
/// Recomputes an incident's hash chain from its stored events and reports the first sequence whose link does not hold,
/// saying whether an event was changed, removed, inserted, reordered or filed under another incident.
/// </summary>
/// <remarks>
/// Checks at each position, in order: the incident number (the first event's, or the one given), the sequence (1, 2, 3…
/// with no gap or repeat), the link to the previous event's hash, and the event's own hash over its canonical form.
/// <see cref="ChainVerification.Head"/> is the hash of the last event that verified (the genesis hash when none did).
/// </remarks>
public static class ChainVerifier
{
    public static ChainVerification Verify(IReadOnlyList<IncidentEvent> events) => Verify(events, incident: null, expectedHead: null);

    /// <param name="events">The stored events, in stored order.</param>
    /// <param name="incident">The incident the events must belong to; null takes the first event's.</param>
    /// <param name="expectedHead">The head recorded elsewhere (the snapshot); a mismatch at the end means events were removed from the end.</param>
    public static ChainVerification Verify(IReadOnlyList<IncidentEvent> events, int? incident, string? expectedHead = null)
    {
        var previous = EventChain.GenesisHash;
        var number = incident ?? (events.Count > 0 ? events[0]?.Incident : null);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = i + 1L;
            if (Problem(events, i, number, previous) is { } problem)
            {
                return new ChainVerification(false, events.Count, previous, expected, problem);
            }

            previous = events[i].Hash;
        }

        if (expectedHead is not null && !string.Equals(expectedHead, previous, StringComparison.Ordinal))
        {
            return new ChainVerification(false, events.Count, previous, events.Count + 1L,
                $"the chain ends at sequence {events.Count} with hash {Short(previous)}, but the recorded head is {Short(expectedHead)}: events after sequence {events.Count} are missing");
        }

        return new ChainVerification(true, events.Count, previous, null, null);
    }

    private static string? Problem(IReadOnlyList<IncidentEvent> events, int index, int? incident, string previous)
    {
        var e = events[index];
        var expected = index + 1L;
        if (e is null)
        {
            return $"the event at sequence {expected} is missing from the store (empty record)";
        }

        if (e.Incident != incident)
        {
            return $"the event at sequence {e.Sequence} belongs to {IncidentKey.Format(e.Incident)}, not {IncidentKey.Format(incident ?? 0)}: it was filed under the wrong incident";
        }

        if (e.Sequence != expected)
        {
            return SequenceProblem(events, index, e.Sequence);
        }

        if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
        {
            return index == 0
                ? $"sequence 1 does not start from the genesis hash (it links to {Short(e.PreviousHash)}): the start of the chain was replaced"
                : $"sequence {expected} links to {Short(e.PreviousHash)}, but sequence {expected - 1} has hash {Short(previous)}: an event before it was changed and re-hashed, or events were inserted or removed";
        }

        var actual = HashOf(e);
        return string.Equals(actual, e.Hash, StringComparison.Ordinal)
            ? null
            : $"sequence {expected} ({e.Type} at {EventChain.FormatTime(e.At)}) was changed after it was written: its content hashes to {Short(actual)}, not the stored {Short(e.Hash)}";
    }

    private static string SequenceProblem(IReadOnlyList<IncidentEvent> events, int index, long found)
    {
        var expected = index + 1L;
        if (found < expected)
        {
            var twice = events.Take(index).Any(x => x?.Sequence == found);
            return twice
                ? $"sequence {found} appears again where {expected} was expected: an event was inserted or duplicated"
                : $"sequence {found} comes after {expected - 1}: events were reordered";
        }

        var later = events.Skip(index + 1).Any(x => x?.Sequence == expected);
        return later
            ? $"sequence {found} comes before {expected}: events were reordered"
            : found == expected + 1
                ? $"sequence {expected} is missing (the next stored event is {found}): an event was removed"
                : $"sequences {expected} to {found - 1} are missing (the next stored event is {found}): events were removed";
    }

    private static string HashOf(IncidentEvent e)
    {
        try
        {
            return EventChain.Hash(e.PreviousHash, EventChain.Canonical(e));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            // Data the serializer cannot write cannot be what was hashed.
            return "unreadable:" + ex.GetType().Name;
        }
    }

    private static string Short(string? hash) =>
        string.IsNullOrEmpty(hash) ? "(none)" : hash.Length > 12 ? hash[..12] + "…" : hash;
}
