using System.Text;
using ImtBot.Core.Incidents;
using static ImtBot.Core.Reviews.DurationText;

namespace ImtBot.Core.Reviews;

/// <summary>
/// The review in words: the overview, what happened (told from the log), the resolution; who wrote each section; and
/// what is still empty, so the review is a document people finish.
/// </summary>
public static partial class ReviewWriter
{
    /// <summary>The sections still empty, with the command that fills each; empty when the review is complete.</summary>
    public static IReadOnlyList<string> EmptySections(ReviewModel r)
    {
        var empty = new List<string>();
        void Check(bool filled, string what) { if (!filled) { empty.Add(what); } }

        Check(r.Written.ContainsKey(ReviewSections.Summary), "Overview (`summary <text>`)");
        Check(r.Milestones.ImpactBegan is not null, "when the impact began (`impact <time> [text]`)");
        Check(r.Milestones.Detected is not null, "when it was detected (`detected <time>`)");
        Check(r.Written.ContainsKey(ReviewSections.Cause),
            r.CauseNotes.Count > 0 ? "Contributing factors (only the `identified` note so far: `cause <text>`)" : "Contributing factors (`cause <text>`)");
        Check(r.Written.ContainsKey(ReviewSections.Resolution), "Resolution (`resolution <text>`)");
        Check(r.Actions.Count > 0, "Action items (`action <text> @owner due <yyyy-mm-dd>`)");
        return empty;
    }

    /// <summary>The line the <c>review</c> command puts above the review: what is still empty, or that nothing is.</summary>
    public static string StillEmpty(ReviewModel r)
    {
        var empty = EmptySections(r);
        return empty.Count == 0
            ? "Every section of the review is filled in.\n\n"
            : "Still empty: " + string.Join("; ", empty) + ".\n\n";
    }

    private static void Narrative(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Overview");
        Written(md, r, ReviewSections.Summary, "_Not written yet: a few sentences on what happened, to whom and why (`summary <text>`)._\n");

        Heading(md, "What happened");
        foreach (var (at, text) in Story(r).OrderBy(s => s.At))
        {
            md.Append("- ").Append(Time(at)).Append(" — ").Append(text).Append('\n');
        }

        Heading(md, "Resolution");
        var notes = r.ResolutionNotes.Select(n => $"- As noted when it was mitigated or resolved ({Time(n.At)} by {User(n.By)}): {MarkdownText.Inline(n.Text)}\n");
        Written(md, r, ReviewSections.Resolution, "_Not written yet: how the impact was stopped and how it was fixed (`resolution <text>`)._\n", notes);
    }

    /// <summary>The turning points told from the log, in any order (the caller sorts them; equal times keep this order).</summary>
    private static List<(DateTimeOffset At, string Text)> Story(ReviewModel r)
    {
        var m = r.Milestones;
        var story = new List<(DateTimeOffset At, string Text)>();
        if (m.ImpactBegan is { } began)
        {
            story.Add((began, "the impact began" + (r.ImpactDescription is { } d ? ": " + MarkdownText.Inline(d.Text) : "")));
        }

        if (m.Detected is { } detected)
        {
            story.Add((detected, (m.DetectedByAlert ? "detected by the first alert" : "detected") + (m.TimeToDetect is { } ttd ? $", {Format(ttd)} after the impact began" : "")));
        }

        story.Add((m.Declared, $"declared as {Sev(r.InitialSeverity)} by {User(r.DeclaredBy)}"));
        story.AddRange(r.SeverityHistory.Select(s => (s.At, (s.To < s.From ? "raised to " : "lowered to ") + Sev(s.To) + ": " + MarkdownText.Inline(s.Reason))));
        story.AddRange(r.CauseNotes.Select(c => (c.At, "cause identified: " + MarkdownText.Inline(c.Text))));
        if (m.Mitigated is { } mitigated)
        {
            story.Add((mitigated, $"mitigated, {Format(m.ImpactWindow)} after the " + (m.ImpactBegan is null ? "declaration" : "impact began")));
        }

        if (m.Resolved is { } resolved)
        {
            story.Add((resolved, "resolved"));
        }

        if ((m.Closed ?? m.Cancelled) is { } end)
        {
            story.Add((end, m.Cancelled is null ? "closed" : "cancelled"));
        }

        return story;
    }

    /// <summary>A section's written text with its authors, else the notes from the log that pre-fill it, else the prompt.</summary>
    private static void Written(StringBuilder md, ReviewModel r, string section, string prompt, IEnumerable<string>? notes = null)
    {
        if (r.Written.TryGetValue(section, out var written))
        {
            md.Append(MarkdownText.Escape(written.Text).ReplaceLineEndings("\n")).Append("\n\n");
            md.Append("_Written by ").AppendJoin(", ", written.Authors.Select(User)).Append(", last on ").Append(Time(written.LastWritten)).Append("._\n");
            return;
        }

        var lines = notes?.ToList() ?? [];
        if (lines.Count > 0)
        {
            lines.ForEach(l => md.Append(l));
            md.Append('\n');
        }

        md.Append(prompt);
    }
}
