using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;

namespace ImtBot.Compliance;

/// <summary>
/// The evidence bundle of one incident, a zip anyone can check offline (<see cref="EvidenceVerifier"/>):
/// <list type="bullet">
/// <item><c>events.jsonl</c> — one event per line in its canonical JSON form, exactly the text that was hashed.</item>
/// <item><c>chain.txt</c> — per event: sequence, previous hash, hash (<c>hash = SHA-256(previous ‖ line)</c>).</item>
/// <item><c>head.txt</c> — the incident, the number of events and the chain head.</item>
/// <item><c>review.md</c> — the post-incident review, compliance section included.</item>
/// <item><c>verification.txt</c> — the chain verification report at export (against the database's recorded head).</item>
/// <item><c>anchors.txt</c> — the incident's lines from the anchor log, if any.</item>
/// <item><c>manifest.json</c> — the SHA-256 of every other file.</item>
/// </list>
/// </summary>
public static class EvidenceBundle
{
    public const string Events = "events.jsonl";
    public const string Chain = "chain.txt";
    public const string Head = "head.txt";
    public const string Review = "review.md";
    public const string Verification = "verification.txt";
    public const string Anchors = "anchors.txt";
    public const string Manifest = "manifest.json";

    /// <param name="verification">The store's verification of the chain (its end checked against the snapshot head).</param>
    public static byte[] Create(IReadOnlyList<IncidentEvent> events, ChainVerification verification, IEnumerable<Anchor> anchors, DateTimeOffset exportedAt)
    {
        var number = events[0].Incident;
        var files = new List<(string Name, byte[] Bytes)>
        {
            (Events, Utf8(string.Concat(events.Select(e => EventChain.Canonical(e) + "\n")))),
            (Chain, Utf8(string.Concat(events.Select(e => $"{e.Sequence.ToString(CultureInfo.InvariantCulture)} {e.PreviousHash} {e.Hash}\n")))),
            (Head, Utf8(HeadText(number, events.Count, events[^1].Hash))),
            (Review, Utf8(ReviewWriter.ToMarkdown(events))),
            (Verification, Utf8(Report(number, verification, exportedAt))),
        };
        var anchored = anchors.Where(a => a.Incident == number).ToArray();
        if (anchored.Length > 0)
        {
            files.Add((Anchors, Utf8(string.Concat(anchored.Select(a => $"{EventChain.FormatTime(a.At)}\t{IncidentKey.Format(a.Incident)}\t{a.Events}\t{a.Head}\n")))));
        }

        var manifest = new JsonObject
        {
            ["incident"] = IncidentKey.Format(number),
            ["exportedAt"] = EventChain.FormatTime(exportedAt),
            ["algorithm"] = "SHA-256",
            ["files"] = new JsonObject(files.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Sha256(f.Bytes)))),
        };
        files.Add((Manifest, Utf8(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n")));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                // A fixed entry time keeps the same evidence byte-identical however often it is exported.
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(exportedAt.UtcDateTime.Year < 1980 ? 1980 : exportedAt.UtcDateTime.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    public static string HeadText(int incident, long events, string head) =>
        $"incident {IncidentKey.Format(incident)}\nevents {events.ToString(CultureInfo.InvariantCulture)}\nhead {head}\n";

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Report(int number, ChainVerification v, DateTimeOffset at) =>
        $"Chain verification of {IncidentKey.Format(number)} at export, {EventChain.FormatTime(at)}\n" +
        $"valid {v.Valid.ToString().ToLowerInvariant()}\nevents {v.Events.ToString(CultureInfo.InvariantCulture)}\nhead {v.Head}\n" +
        (v.Valid ? "" : $"broken at sequence {v.BrokenAt}: {v.Problem}\n");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
