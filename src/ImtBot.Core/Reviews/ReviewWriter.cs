using System.Text;
using ImtBot.Core.Events;

namespace ImtBot.Core.Reviews;

/// <summary>
/// Writes the post-incident review as Markdown, computed from the events only. The sections follow PagerDuty's and
/// Google SRE's postmortem templates: summary, impact, milestones, responders, updates, timeline, process adherence,
/// action items, prompts for the review meeting, and the audit of the hash chain.
/// </summary>
public static partial class ReviewWriter
{
    public static string ToMarkdown(IReadOnlyList<IncidentEvent> events) => ToMarkdown(ReviewModel.From(events));

    public static string ToMarkdown(ReviewModel review)
    {
        var md = new StringBuilder();
        Header(md, review);
        Summary(md, review);
        AssessmentSection(md, review);
        Narrative(md, review);
        Impact(md, review);
        MilestonesSection(md, review);
        Responders(md, review);
        Updates(md, review);
        Timeline(md, review);
        Adherence(md, review);
        ResponsePlan(md, review);
        Actions(md, review);
        ComplianceSection(md, review);
        Prompts(md, review);
        Audit(md, review);
        Definitions(md);
        return md.ToString();
    }

    private static void Header(StringBuilder md, ReviewModel r)
    {
        md.Append("# ").Append(r.IsDrill ? "DRILL — " : "").Append(r.Key).Append(": ").Append(MarkdownText.Inline(r.Title)).Append('\n');
        md.Append('\n');
        if (r.IsDrill)
        {
            md.Append("> **DRILL** — a practice incident").Append(r.Scenario is { } s ? $" (scenario: {MarkdownText.Inline(s)})" : "")
                .Append(". It is excluded from the metrics.\n\n");
        }

        md.Append("Post-incident review, written from the incident's event log")
            .Append(r.Milestones.Total is null ? $" as of {DurationText.Time(r.AsOf)} UTC (the incident is still open)" : "")
            .Append(". Times are UTC.\n");
    }

    private static void Heading(StringBuilder md, string title) => md.Append("\n## ").Append(title).Append("\n\n");

    private static void Row(StringBuilder md, params string[] cells) => md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");

    private static void Table(StringBuilder md, params string[] headers)
    {
        Row(md, headers);
        Row(md, headers.Select(_ => "---").ToArray());
    }

    private static string User(Platforms.UserRef? user) => user is null ? "—" : MarkdownText.Inline(user.ToString());

    private static string Sev(int level) => $"SEV{level}";
}
