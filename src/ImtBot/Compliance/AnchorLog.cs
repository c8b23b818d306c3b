using System.Globalization;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Compliance;

/// <summary>One anchored chain head: which incident, how many events, the head, and when it was written.</summary>
public sealed record Anchor(DateTimeOffset At, int Incident, long Events, string Head, int Line);

/// <summary>
/// The append-only file chain heads are written to when an incident closes, outside the database: a rewritten
/// database (events changed and re-hashed, the snapshot head with them) no longer matches an anchor written before.
/// One line per anchor, tab-separated: <c>time  INC-n  events  head</c>. The file is only ever appended to, and each
/// line is flushed to disk before the anchor is reported.
/// </summary>
public sealed class AnchorLog(string path)
{
    private static readonly Lock Gate = new();

    public string Path { get; } = path;

    public void Append(DateTimeOffset at, int incident, long events, string head)
    {
        var line = string.Join('\t', EventChain.FormatTime(at), IncidentKey.Format(incident), events.ToString(CultureInfo.InvariantCulture), head) + "\n";
        lock (Gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every anchor in the file, in order; a line that does not read as one is reported with its number.</summary>
    public (IReadOnlyList<Anchor> Anchors, IReadOnlyList<string> Problems) Read()
    {
        var anchors = new List<Anchor>();
        var problems = new List<string>();
        if (!File.Exists(Path))
        {
            return (anchors, problems);
        }

        var n = 0;
        foreach (var line in File.ReadLines(Path))
        {
            n++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length == 4
                && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                && IncidentKey.TryParse(parts[1], out var incident)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var events)
                && parts[3].Length == 64)
            {
                anchors.Add(new Anchor(at, incident, events, parts[3], n));
            }
            else
            {
                problems.Add($"{Path}:{n}: not an anchor line (time, INC-n, events, head separated by tabs)");
            }
        }

        return (anchors, problems);
    }
}
