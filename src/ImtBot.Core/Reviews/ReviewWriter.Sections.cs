using System.Text;
using static ImtBot.Core.Reviews.DurationText;

namespace ImtBot.Core.Reviews;

/// <summary>Summary, impact, milestones, responders, updates and timeline.</summary>
public static partial class ReviewWriter
{
    private static void Summary(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Summary");
        Table(md, "Field", "Value");
        Row(md, "Incident", r.Key);
        Row(md, "Title", MarkdownText.Inline(r.Title));
        Row(md, "Severity", SeverityHeadline(r));
        Row(md, "Review", r.PeakPolicy.ReviewRequired ? $"required ({Sev(r.PeakSeverity)} at its peak)" : $"optional ({Sev(r.PeakSeverity)} at its peak)");
        Row(md, "Kind", r.IsDrill ? "Drill" : "Normal");
        Row(md, "State", r.Status.ToString());
        Row(md, "Declared", $"{Time(r.Milestones.Declared)} by {User(r.DeclaredBy)} in {MarkdownText.Inline(r.Origin.ToString())}");
        Row(md, "Mitigated", Time(r.Milestones.Mitigated));
        Row(md, "Resolved", Time(r.Milestones.Resolved));
        Row(md, r.Milestones.Cancelled is null ? "Closed" : "Cancelled", Time(r.Milestones.Closed ?? r.Milestones.Cancelled));
        Row(md, "Commander", r.Commander is null ? "nobody at the end" : User(r.Commander));
    }

    /// <summary>The worst the incident got leads; the final and declared levels follow when they differ.</summary>
    private static string SeverityHeadline(ReviewModel r)
    {
        var peak = r.PeakSeverity == r.Severity ? r.Policy : r.PeakPolicy;
        var text = $"{Sev(r.PeakSeverity)} — {MarkdownText.Inline(peak.Description)}";
        if (r.PeakSeverity != r.Severity)
        {
            text += $"; {Sev(r.Severity)} at the end";
        }

        return text + (r.InitialSeverity != r.PeakSeverity ? $" (declared as {Sev(r.InitialSeverity)})" : "");
    }

    private static void Impact(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Impact");
        md.Append(r.ImpactDescription is { } d
            ? $"{MarkdownText.Inline(d.Text)} _(recorded by {User(d.By)})_\n\n"
            : "_Describe who and what was affected, how badly and for how long (customers, requests, revenue, SLOs): `impact <time> <text>`._\n\n");
        md.Append("- Severity: ").Append(Sev(r.PeakSeverity)).Append(r.PeakSeverity != r.Severity ? $" at its worst, {Sev(r.Severity)} at the end" : "").Append('\n');
        md.Append(r.Milestones.ImpactBegan is null ? "- Impact window (declared → mitigated; when the impact began is not recorded): " : "- Impact window (impact began → mitigated): ")
            .Append(Format(r.Milestones.ImpactWindow, "not mitigated")).Append('\n');
        if (r.SeverityHistory.Count == 0)
        {
            md.Append("- The severity did not change.\n");
            return;
        }

        md.Append('\n');
        Table(md, "Time", "Change", "Reason", "By");
        foreach (var s in r.SeverityHistory)
        {
            Row(md, Time(s.At), $"{Sev(s.From)} → {Sev(s.To)}", MarkdownText.Inline(s.Reason), User(s.By));
        }
    }

    private static void MilestonesSection(StringBuilder md, ReviewModel r)
    {
        var m = r.Milestones;
        Heading(md, "Milestones and durations");
        Table(md, "Milestone", "Time", "Since declared");
        if (m.ImpactBegan is { } began)
        {
            Milestone(md, "Impact began", began, m);
        }

        if (m.Detected is { } detected)
        {
            Milestone(md, m.DetectedByAlert ? "Detected (first alert)" : "Detected", detected, m);
        }

        Milestone(md, "Declared", m.Declared, m);
        Milestone(md, "Commander in place", m.Commanded, m);
        Milestone(md, "Acknowledged", m.Acknowledged, m);
        Milestone(md, "Mitigated", m.Mitigated, m);
        Milestone(md, "Resolved", m.Resolved, m);
        Milestone(md, m.Cancelled is null ? "Closed" : "Cancelled", m.Closed ?? m.Cancelled, m);
        md.Append('\n');
        Table(md, "Measure", "Duration");
        if (m.TimeToDetect is { } ttd)
        {
            Row(md, "Time to detect (impact began → detected)", Format(ttd));
        }

        Row(md, "Time to a commander", Format(m.TimeToCommander));
        Row(md, "Time to acknowledge", Format(m.TimeToAcknowledge, r.Pages.Count == 0 ? "— (nobody was paged)" : "—"));
        Row(md, "Time to mitigate", Format(m.TimeToMitigate));
        Row(md, "Time to resolve", Format(m.TimeToResolve));
        Row(md, "Total (declared → " + (m.Cancelled is null ? "closed)" : "cancelled)"),
            m.Total is { } total ? Format(total) : $"still open: {Format(r.AsOf - m.Declared)} so far");
    }

    private static void Milestone(StringBuilder md, string name, DateTimeOffset? at, Milestones m) =>
        Row(md, name, Time(at), at is { } t ? Format(t - m.Declared) : "—");

    private static void Responders(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Responders and roles");
        if (r.Roles.Count == 0)
        {
            md.Append("Nobody held a role.\n");
        }
        else
        {
            Table(md, "Role", "Held by", "From", "To", "For", "Ended");
            foreach (var t in r.Roles)
            {
                Row(md, MarkdownText.Inline(t.Role), User(t.User), Time(t.From), Time(t.To, "—"),
                    Format(t.To is null ? r.AsOf - t.From : t.Length), MarkdownText.Inline(t.Ended ?? StillHolding(r)));
            }
        }

        md.Append("\n**Hand-overs**\n\n");
        if (r.Handovers.Count == 0)
        {
            md.Append("- None.\n");
        }

        foreach (var h in r.Handovers)
        {
            md.Append("- ").Append(Time(h.At)).Append(' ').Append(User(h.From)).Append(" → ").Append(User(h.To))
                .Append(h.TakenAt is { } taken ? $", taken at {Time(taken)} after {Format(taken - h.At)}" : ", not taken")
                .Append(h.Release ? ", outgoing commander released" : "")
                .Append(": ").Append(MarkdownText.Inline(h.Summary)).Append('\n');
        }

        PagesTable(md, r);

        md.Append("\n**People**\n\n");
        Table(md, "Person", "First seen", "Roles", "Events written");
        foreach (var p in r.Responders)
        {
            Row(md, User(p.User), Time(p.FirstSeen), p.Roles.Count == 0 ? "—" : MarkdownText.Inline(string.Join(", ", p.Roles)), p.Events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void Updates(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Stakeholder updates");
        if (r.Updates.Count == 0)
        {
            md.Append("No update was posted.\n");
        }

        foreach (var u in r.Updates)
        {
            md.Append("- ").Append(Time(u.At)).Append(" — ").Append(User(u.By)).Append(": ").Append(MarkdownText.Block(u.Text)).Append('\n');
        }
    }

    private static void Timeline(StringBuilder md, ReviewModel r)
    {
        Heading(md, "Timeline");
        // Someone joining by acting is already on the line of what they did.
        foreach (var e in r.Timeline.Where(e => !(e.Type == "participant_joined" && e.Text == "joined")))
        {
            md.Append("- ").AppendTime(e.At).Append(" — ").Append(User(e.Actor)).Append(' ').Append(MarkdownText.Inline(e.Text)).Append('\n');
        }
    }

}
