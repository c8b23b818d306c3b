using System.Globalization;
using System.Text;
using ImtBot.Core.Incidents;
using static ImtBot.Core.Reviews.DurationText;

namespace ImtBot.Core.Reviews;

/// <summary>Process adherence, action items, the review-meeting prompts, the audit and the definitions.</summary>
public static partial class ReviewWriter
{
    private static void Adherence(StringBuilder md, ReviewModel r)
    {
        var a = r.Adherence;
        Heading(md, "Process adherence");
        md.Append("Measured over active time (Declared to Resolved, again after a reopen).\n\n");
        Table(md, "Measure", "Value", "Target");
        Row(md, "Time without a commander", Format(a.WithoutCommander), "0s");
        foreach (var v in a.KeyRoles.Where(v => !string.Equals(v.Role, r.Lead, StringComparison.OrdinalIgnoreCase)))
        {
            Row(md, $"Time the {MarkdownText.Inline(v.Role)} role was empty", Format(v.Empty), "0s");
        }

        var cadence = r.Policy.UpdateCadence is { } c ? $"every {Format(c)} ({Sev(r.Severity)})" : $"none ({Sev(r.Severity)})";
        Row(md, "Longest gap between updates", a.LongestUpdateGap is { } g ? $"{Format(g.Length)} ({Time(g.From)} → {Time(g.To)})" : "—",
            a.LongestUpdateGap?.Cadence is { } gc ? $"every {Format(gc)}" : cadence);
        Row(md, "Gaps longer than the cadence", N(a.LateUpdates), "0");
        Row(md, "Pages that expired unanswered", N(a.MissedPages.Count), "0");
    }

    private static void Actions(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Action items");
        if (r.Actions.Count == 0)
        {
            md.Append("No action item was recorded. _Every review should end with at least one owned, dated action._\n");
            return;
        }

        Table(md, "#", "Action", "Owner", "Due", "Status");
        foreach (var a in r.Actions)
        {
            Row(md, N(a.Id), MarkdownText.Inline(a.Text), a.Owner is null ? "**unowned**" : User(a.Owner),
                a.Due is { } d ? IncidentText.Date(d) : "—", a.DoneAt is { } done ? $"Done {Time(done)}"
                : a.CancelledAt is { } cancelled ? $"Cancelled {Time(cancelled)}" + (a.CancelReason is { } why ? ": " + MarkdownText.Inline(why) : "")
                : "Open");
        }
    }

    private static void Prompts(StringBuilder md, ReviewModel r)
    {
        var a = r.Adherence;
        var m = r.Milestones;
        Heading(md, "What went well");
        md.Append("- _What helped us detect, respond and recover quickly? Which tools, runbooks and people made the difference?_\n");
        if (FirstAcknowledged(r) is { AnsweredAt: { } answered } first && answered - first.SentAt <= first.Deadline - first.SentAt)
        {
            md.Append("- From the log: the first page was acknowledged by ").Append(User(first.To)).Append(" in ").Append(Format(answered - first.SentAt))
                .Append(", within its timeout of ").Append(Format(first.Deadline - first.SentAt)).Append(".\n");
        }

        if (a.UpdateGaps.Count > 0 && a.LateUpdates == 0 && r.Updates.Count > 0)
        {
            md.Append("- From the log: every stakeholder update came within the cadence.\n");
        }

        Heading(md, "What could be better");
        md.Append("- _Where did we lose time? What was confusing, missing or slow to find? What did we get lucky with?_\n");
        if (a.WithoutCommander > TimeSpan.Zero)
        {
            md.Append("- From the log: no commander for ").Append(Format(a.WithoutCommander)).Append(".\n");
        }

        foreach (var v in a.KeyRoles.Where(v => v.Empty > TimeSpan.Zero && !string.Equals(v.Role, r.Lead, StringComparison.OrdinalIgnoreCase)))
        {
            md.Append("- From the log: the ").Append(MarkdownText.Inline(v.Role)).Append(" role was empty for ").Append(Format(v.Empty)).Append(".\n");
        }

        if (a.LateUpdates > 0)
        {
            md.Append("- From the log: ").Append(N(a.LateUpdates)).Append(a.LateUpdates == 1 ? " gap" : " gaps").Append(" between stakeholder updates ran past the cadence.\n");
        }

        if (a.MissedPages.Count > 0)
        {
            md.Append("- From the log: ").Append(N(a.MissedPages.Count)).Append(a.MissedPages.Count == 1 ? " page" : " pages").Append(" expired unanswered.\n");
        }

        Heading(md, "Contributing factors");
        if (r.Written.TryGetValue(ReviewSections.Cause, out var written))
        {
            md.Append(MarkdownText.Escape(written.Text).ReplaceLineEndings("\n")).Append("\n\n");
            md.Append("_Written by ").AppendJoin(", ", written.Authors.Select(User)).Append(", last on ").Append(Time(written.LastWritten)).Append("._\n\n");
        }

        foreach (var cause in r.CauseNotes)
        {
            md.Append("- Cause, as noted when identified (").Append(Time(cause.At)).Append(" by ").Append(User(cause.By)).Append("): ")
                .Append(MarkdownText.Inline(cause.Text)).Append('\n');
        }

        md.Append("- _What conditions allowed this to happen (technical, process, organisational)? Look for several factors rather than one root cause._\n");
        md.Append("- _Why was it not caught earlier (tests, canaries, alerts)?_\n");
        md.Append("- _What made diagnosis or mitigation harder than it should have been?_\n");
    }

    private static void Audit(StringBuilder md, ReviewModel r)
    {
        var audit = r.Audit;
        Heading(md, "Audit");
        Table(md, "Check", "Result");
        Row(md, "Events", N(audit.Events));
        Row(md, audit.Valid ? "Chain head" : "Chain head (last verified link)", $"`{audit.Head}`");
        Row(md, "Verification", audit.Valid
            ? "intact: every event links to the one before it and matches its hash"
            : $"**BROKEN at sequence {audit.BrokenAt?.ToString(CultureInfo.InvariantCulture)}**: {MarkdownText.Inline(audit.Problem)}");
    }

    private static void Definitions(StringBuilder md)
    {
        md.Append("\n---\n\n");
        md.Append("_Definitions._ **Commander in place**: the first time the lead role was held. ")
            .Append("**Acknowledged**: the first page acknowledged, or the lead role taken by someone other than the declarer. ")
            .Append("**Mitigated**: the first move to Mitigated or Resolved, whichever came first. ")
            .Append("**Resolved**: the last move to Resolved not followed by a reopen. **Total**: declared to closed (or cancelled). ")
            .Append("**Active time**: Declared, Investigating, Identified and Mitigated; role vacancies and update gaps count only active time. ")
            .Append("**Update gap**: active time from the declaration or the previous update to the next update or the end of active time, ")
            .Append("judged against the tightest update cadence in force during it. Durations are exact to the second (fractions dropped).\n");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
