using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Compliance;

/// <summary>The result of checking an evidence bundle: valid, or every problem found (the chain's first broken sequence among them).</summary>
public sealed record BundleReport(bool Valid, int? Incident, int Events, string? Head, long? BrokenAt, IReadOnlyList<string> Problems);

/// <summary>
/// Checks an evidence bundle with nothing but the zip (no database): every file against the manifest, each event line
/// in canonical form, the hash chain recomputed over the lines (the same <see cref="ChainVerifier"/> the store uses,
/// so a changed, removed or reordered event is reported at its sequence), and the chain head against
/// <c>head.txt</c> and, when given, the anchors.
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>The largest file a bundle may unpack (a guard against a crafted zip that unpacks without end).</summary>
    public const long MaxEntryBytes = 1L << 30;

    public static BundleReport Verify(Stream zip, IReadOnlyList<Anchor>? anchors = null)
    {
        var problems = new List<string>();
        Dictionary<string, byte[]> files;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.FirstOrDefault(e => e.Length > MaxEntryBytes) is { } huge)
            {
                return new BundleReport(false, null, 0, null, null, [$"{huge.FullName} unpacks to {huge.Length:N0} bytes, more than an evidence file holds ({MaxEntryBytes:N0}): not a bundle ImtBot wrote"]);
            }

            files = archive.Entries.ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
        }
        catch (InvalidDataException e)
        {
            return new BundleReport(false, null, 0, null, null, [$"not a zip file: {e.Message}"]);
        }

        CheckManifest(files, problems);
        if (!files.TryGetValue(EvidenceBundle.Events, out var eventBytes) || !files.TryGetValue(EvidenceBundle.Chain, out var chainBytes))
        {
            problems.Add($"the bundle has no {EvidenceBundle.Events} or {EvidenceBundle.Chain}");
            return new BundleReport(false, null, 0, null, null, problems);
        }

        var events = ReadEvents(Text(eventBytes), Text(chainBytes), problems);
        var (incident, count, head) = files.TryGetValue(EvidenceBundle.Head, out var headBytes) ? ReadHead(Text(headBytes)) : (null, null, null);
        if (head is null)
        {
            problems.Add($"{EvidenceBundle.Head} is missing or unreadable: the chain head is not recorded");
        }

        var chain = ChainVerifier.Verify(events, incident, head);
        long? brokenAt = null;
        if (!chain.Valid)
        {
            brokenAt = chain.BrokenAt;
            problems.Insert(0, $"BROKEN at sequence {chain.BrokenAt}: {chain.Problem}");
        }
        else if (count is { } n && n != events.Count)
        {
            problems.Add($"{EvidenceBundle.Head} records {n} events but the bundle holds {events.Count}");
        }

        foreach (var anchor in (anchors ?? []).Where(a => a.Incident == (incident ?? events.FirstOrDefault()?.Incident)))
        {
            if (AnchorProblem(events, anchor) is { } problem)
            {
                brokenAt ??= Math.Min(anchor.Events, events.Count + 1L);
                problems.Add(problem);
            }
        }

        return new BundleReport(problems.Count == 0, incident, events.Count, chain.Head, brokenAt, problems);
    }

    /// <summary>Whether the events agree with an anchor: the event at the anchored sequence has the anchored hash.</summary>
    public static string? AnchorProblem(IReadOnlyList<IncidentEvent> events, Anchor anchor)
    {
        var key = IncidentKey.Format(anchor.Incident);
        if (events.Count < anchor.Events)
        {
            return $"{key}: the anchor of {EventChain.FormatTime(anchor.At)} (line {anchor.Line}) covers {anchor.Events} events, but only {events.Count} remain: events were removed";
        }

        var at = events[(int)anchor.Events - 1];
        return string.Equals(at.Hash, anchor.Head, StringComparison.Ordinal)
            ? null
            : $"{key}: sequence {anchor.Events} has hash {at.Hash}, but the anchor of {EventChain.FormatTime(anchor.At)} (line {anchor.Line}) says {anchor.Head}: the log was rewritten after it was anchored";
    }

    private static void CheckManifest(Dictionary<string, byte[]> files, List<string> problems)
    {
        if (!files.TryGetValue(EvidenceBundle.Manifest, out var bytes) || Parse(bytes)?["files"] is not JsonObject listed)
        {
            problems.Add($"{EvidenceBundle.Manifest} is missing or unreadable");
            return;
        }

        foreach (var (name, hash) in listed)
        {
            if (!files.TryGetValue(name, out var content))
            {
                problems.Add($"{name} is listed in the manifest but missing from the bundle");
            }
            else if (!string.Equals(EvidenceBundle.Sha256(content), (string?)hash, StringComparison.Ordinal))
            {
                problems.Add($"{name} does not match its SHA-256 in the manifest: it was changed after export");
            }
        }

        foreach (var extra in files.Keys.Where(k => k != EvidenceBundle.Manifest && !listed.ContainsKey(k)))
        {
            problems.Add($"{extra} is in the bundle but not in the manifest");
        }
    }

    /// <summary>The events as the lines say them, with the hashes of <c>chain.txt</c> by position; a line that is not canonical is reported.</summary>
    private static List<IncidentEvent> ReadEvents(string lines, string chain, List<string> problems)
    {
        var links = chain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToArray();
        var events = new List<IncidentEvent>();
        var texts = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < texts.Length; i++)
        {
            var (previous, hash) = i < links.Length && links[i].Length == 3 ? (links[i][1], links[i][2]) : ("", "");
            if (ParseEvent(texts[i], previous, hash) is not { } e)
            {
                problems.Add($"{EvidenceBundle.Events} line {i + 1} is not an event");
                continue;
            }

            if (!string.Equals(EventChain.Canonical(e), texts[i], StringComparison.Ordinal))
            {
                problems.Add($"{EvidenceBundle.Events} line {i + 1} (sequence {e.Sequence}) is not in canonical form: it was edited");
            }

            events.Add(e);
        }

        if (links.Length != texts.Length)
        {
            problems.Add($"{EvidenceBundle.Chain} has {links.Length} links for {texts.Length} events");
        }

        return events;
    }

    private static IncidentEvent? ParseEvent(string line, string previous, string hash)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var actor = root.GetProperty("actor");
            return new IncidentEvent(
                root.GetProperty("incident").GetInt32(),
                root.GetProperty("seq").GetInt64(),
                DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                new UserRef(actor.GetProperty("platform").GetString()!, actor.GetProperty("id").GetString()!, actor.GetProperty("name").GetString()!),
                EventChain.DeserializeData(root.GetProperty("data").GetRawText()),
                previous,
                hash);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return null;
        }
    }

    private static (int? Incident, long? Events, string? Head) ReadHead(string text)
    {
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        int? incident = values.TryGetValue("incident", out var key) && IncidentKey.TryParse(key, out var n) ? n : null;
        long? events = values.TryGetValue("events", out var count) && long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        return (incident, events, values.GetValueOrDefault("head"));
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
