using System.Text;
using ImtBot.Core.Compliance;

namespace ImtBot.Core.Reviews;

/// <summary>The Compliance section: only when a regime or a compliance decision is on record.</summary>
public static partial class ReviewWriter
{
    private static void ComplianceSection(StringBuilder md, ReviewModel r)
    {
        var c = r.Compliance;
        if (c.IsEmpty)
        {
            return;
        }

        Heading(md, "Compliance");
        md.Append("> ImtBot tracks regulatory deadlines from the decisions recorded in the incident; it is not legal advice.");
        if (c.Exercise)
        {
            md.Append(" **Exercise:** this was a drill; nothing was due to a regulator.");
        }

        md.Append("\n\n");
        if (c.Regimes.Count > 0)
        {
            Table(md, "Regime", "Applies", "Aware since", "Rule");
            foreach (var regime in c.Regimes)
            {
                Row(md, MarkdownText.Inline(regime.Rule.Name), regime.Applies ? "yes" : "**no** (decided not to apply)", ComplianceText.Time(regime.AwareAt), MarkdownText.Inline(regime.Rule.Rule));
            }

            md.Append('\n');
        }

        md.Append("**Decisions**\n\n");
        Table(md, "Time", "By", "Decision", "Reason");
        foreach (var d in c.Decisions)
        {
            Row(md, ComplianceText.Time(d.At), User(d.By), MarkdownText.Inline(d.What), d.Reason is { } why ? MarkdownText.Inline(why) : "—");
        }

        if (c.Clocks.Count > 0)
        {
            md.Append("\n**Deadlines and submissions** (as of ").Append(ComplianceText.Time(r.AsOf)).Append(" UTC)\n\n");
            Table(md, "Regime", "Stage", "Deadline", "Counted from", "Submitted", "By", "Reference", "Result");
            foreach (var k in c.Clocks)
            {
                var s = k.Submitted;
                Row(md, MarkdownText.Inline(k.RegimeName), MarkdownText.Inline(k.StageName),
                    k.Deadline is { } due ? ComplianceText.Time(due) : "—", MarkdownText.Inline(k.Basis),
                    s is null ? "—" : ComplianceText.Time(s.At), User(s?.By), s is null ? "—" : MarkdownText.Inline(s.Reference), Result(k, r.AsOf));
            }
        }

        var corrections = c.Submissions.Where(s => c.Clocks.All(k => !ReferenceEquals(k.Submitted, s))).ToArray();
        if (corrections.Length > 0)
        {
            md.Append("\nFurther submissions (updates or corrections): ")
                .AppendJoin("; ", corrections.Select(s => $"{MarkdownText.Inline(s.Regime)} {MarkdownText.Inline(s.Stage)} {MarkdownText.Inline(s.Reference)} at {ComplianceText.Time(s.At)} by {User(s.By)}"))
                .Append('\n');
        }
    }

    private static string Result(ComplianceClock k, DateTimeOffset asOf) => k.State switch
    {
        ClockState.Met => "met",
        ClockState.Late => $"**missed** (submitted {ComplianceText.Left(k.Submitted!.At - k.Deadline!.Value)} late)",
        ClockState.Overdue => "**missed** (no submission recorded)",
        ClockState.Running => $"open ({ComplianceText.Left(k.Deadline!.Value - asOf)} left)",
        ClockState.Waiting => "not started",
        _ => "not applicable",
    };
}
