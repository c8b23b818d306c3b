using System.Globalization;
using System.Text;
using ImtBot.Core.Plans;

namespace ImtBot.Core.Reviews;

public static partial class ReviewWriter
{
    /// <summary>
    /// The response plan: which plan ran (and type changes), every task with who finished it and when, late and
    /// skipped tasks with their reasons, overrides, and plan adherence (plan tasks done on time / all plan tasks).
    /// </summary>
    private static void ResponsePlan(StringBuilder md, ReviewModel r)
    {
        if (r.Plan is not { } p)
        {
            return;
        }

        Heading(md, "Response plan");
        md.Append("Type `").Append(MarkdownText.Inline(p.Type)).Append("`, plan ").Append(MarkdownText.Inline(p.Title))
            .Append(p.Source is { } source ? $" ({MarkdownText.Inline(source)})" : "").Append(".\n");
        foreach (var change in p.TypeHistory.Skip(1))
        {
            md.Append("Type changed to `").Append(MarkdownText.Inline(change.Type)).Append("` at ").Append(DurationText.Time(change.At)).Append(".\n");
        }

        var adherence = p.Adherence is { } a ? $"{p.DoneOnTime}/{p.PlanTasks} ({a.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)})" : "—";
        md.Append("\nPlan adherence (plan tasks done on time / all plan tasks): ").Append(adherence).Append(".\n\n");
        Table(md, "#", "Phase", "Task", "Outcome", "By", "At", "Due", "Note");
        foreach (var t in p.Tasks)
        {
            var outcome = t.State switch
            {
                TaskState.Done => t.Late(r.AsOf) ? "done late" : "done",
                TaskState.Skipped => "skipped",
                _ => t.Overridden is not null ? "open, overridden" : t.Late(r.AsOf) ? "open, overdue" : "open",
            };
            Row(md,
                t.Number.ToString(CultureInfo.InvariantCulture),
                PlanPhases.Title(t.Phase),
                MarkdownText.Inline(t.Text) + (t.Required ? " (required)" : "") + (t.Added ? " (added)" : ""),
                outcome,
                User(t.By),
                t.At is { } at ? DurationText.Time(at) : "—",
                t.Due is { } due ? DurationText.Time(due) : "—",
                MarkdownText.Inline(t.Note ?? t.Overridden ?? ""));
        }

        foreach (var o in p.Overrides)
        {
            md.Append("\nOverride by ").Append(User(o.By)).Append(" at ").Append(DurationText.Time(o.At)).Append(" (")
                .Append(MarkdownText.Inline(string.Join(", ", o.TaskIds))).Append("): ").Append(MarkdownText.Inline(o.Reason)).Append('\n');
        }
    }
}
