using System.Globalization;
using System.Text;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Drills;

/// <summary>
/// The after-action report of a drill, in Markdown, in the structure exercise programmes use: the exercise overview
/// (scenario, objectives), participants and roles, the timeline with the injects marked, each expected action with its
/// target against what happened, the score, the hot wash, and an improvement plan (what fell short, and the action
/// items with owners and due dates). Read from the folded incident only.
/// </summary>
public static class AfterActionReport
{
    /// <summary>The report, or null when the incident ran no scripted drill.</summary>
    public static string? ToMarkdown(Incident incident, DateTimeOffset now)
    {
        if (incident.Drill is not { } run)
        {
            return null;
        }

        var s = run.Scenario;
        var score = DrillScore.Of(run, now, ended: false);
        var md = new StringBuilder();
        md.Append("# DRILL — After-action report: ").Append(MarkdownText.Inline(s.Title)).Append('\n');
        md.Append("\n> **DRILL** — an exercise, not a real incident. ").Append(incident.Key).Append(", scenario `").Append(s.Id).Append("`.\n");

        md.Append("\n## Exercise overview\n\n");
        Row(md, "Scenario", $"{MarkdownText.Inline(s.Title)} (`{s.Id}`)");
        Row(md, "Type", s.Type ?? "—");
        Row(md, "Severity played", "SEV" + s.Severity.ToString(CultureInfo.InvariantCulture));
        Row(md, "Facilitator", MarkdownText.Inline(run.Facilitator.ToString()));
        Row(md, "Started", DurationText.Time(run.StartedAt) + " UTC");
        Row(md, "Ended", run.EndedAt is { } end ? DurationText.Time(end) + " UTC" : "still running");
        var until = run.EndedAt ?? now;
        Row(md, "Length", $"{DurationText.Format(until - run.StartedAt)} ({DurationText.Format(run.Elapsed(run.StartedAt, until))} on the drill clock, {run.Pauses.Count} pause(s))");
        md.Append("\n**Summary.** ").Append(MarkdownText.Inline(s.Summary.Trim())).Append('\n');
        md.Append("\n### Objectives\n\n");
        foreach (var (o, i) in s.Objectives.Select((o, i) => (o, i + 1)))
        {
            md.Append(i.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(MarkdownText.Inline(o)).Append('\n');
        }

        md.Append("\n## Participants and roles\n\n| Person | Roles held (from – to, UTC) |\n|---|---|\n");
        foreach (var person in incident.People)
        {
            var roles = incident.Tenures.Where(t => t.User.Equals(person))
                .Select(t => $"{t.Role} ({DurationText.Clock(t.From)} – {(t.To is { } to ? DurationText.Clock(to) : "end")})").ToArray();
            var facilitates = person.Equals(run.Facilitator) ? ["facilitator"] : Array.Empty<string>();
            var all = facilitates.Concat(roles).ToArray();
            md.Append("| ").Append(MarkdownText.Inline(person.ToString())).Append(" | ").Append(all.Length == 0 ? "player" : string.Join(", ", all)).Append(" |\n");
        }

        md.Append("\n## Timeline (UTC, injects marked)\n\n| Time | Drill clock | Who | What |\n|---|---|---|---|\n");
        foreach (var t in incident.Timeline)
        {
            var clock = t.At >= run.StartedAt ? "+" + DurationText.Format(run.Elapsed(run.StartedAt, t.At)) : "";
            var what = run.InjectBySequence.TryGetValue(t.Sequence, out var n) && s.Inject(n) is { } inject
                ? $"**INJECT {n}** from {MarkdownText.Inline(inject.Source)}: {MarkdownText.Inline(inject.Message)}"
                : MarkdownText.Inline(t.Text);
            md.Append("| ").Append(DurationText.Clock(t.At)).Append(" | ").Append(clock).Append(" | ")
                .Append(MarkdownText.Inline(t.Actor.ToString())).Append(" | ").Append(what).Append(" |\n");
        }

        md.Append("\n## Expected actions: target and actual\n\n| Expected action | Target | Actual | Result | Points |\n|---|---|---|---|---|\n");
        foreach (var a in score.Actions)
        {
            var target = "within " + DrillText.Span(a.Expected.Within) + (a.Expected.FromInject is { } from ? $" of inject {from}" : " of the start");
            var actual = a.Took is { } took ? $"{DurationText.Format(took)}{(a.By is { } by ? " by " + MarkdownText.Inline(by.ToString()) : "")}" : "—";
            var result = a.Outcome switch
            {
                DrillOutcome.Met => "met",
                DrillOutcome.Late => "late by " + DurationText.Format(a.LateBy!.Value),
                DrillOutcome.Missed => "missed",
                _ => "not yet",
            };
            md.Append("| ").Append(MarkdownText.Inline(a.Expected.Description)).Append(" | ").Append(target).Append(" | ").Append(actual)
                .Append(" | ").Append(result).Append(" | ").Append(DrillScore.Pts(a.Points)).Append('/').Append(a.Expected.Weight.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        md.Append("\n## Score\n\n**").Append(score.Percent.ToString(CultureInfo.InvariantCulture)).Append("%** — ")
            .Append(DrillScore.Pts(score.Points)).Append(" of ").Append(score.MaxPoints.ToString(CultureInfo.InvariantCulture))
            .Append(" points (met: full weight; late: half; missed: none; time while paused does not count).\n");

        md.Append("\n## Hot wash\n\n");
        if (run.Hotwash.Count == 0)
        {
            md.Append("No answers yet (`/incident hotwash <text>`).\n");
        }

        foreach (var (at, by, text) in run.Hotwash)
        {
            md.Append("- ").Append(MarkdownText.Inline(text)).Append(" — ").Append(MarkdownText.Inline(by.ToString())).Append(", ").Append(DurationText.Clock(at)).Append('\n');
        }

        md.Append("\n## Improvement plan\n\n### Areas for improvement\n\n");
        var shortfalls = score.Actions.Where(a => a.Outcome is DrillOutcome.Late or DrillOutcome.Missed).ToArray();
        if (shortfalls.Length == 0)
        {
            md.Append("Every expected action was met in time.\n");
        }

        foreach (var a in shortfalls)
        {
            md.Append("- ").Append(MarkdownText.Inline(a.Expected.Description)).Append(": ")
                .Append(a.Outcome == DrillOutcome.Missed ? "missed" : "late by " + DurationText.Format(a.LateBy!.Value)).Append('\n');
        }

        md.Append("\n### Action items\n\n");
        if (incident.Actions.Count == 0)
        {
            md.Append("None yet: add them with `/incident action <text> @owner due <yyyy-mm-dd>`.\n");
        }
        else
        {
            md.Append("| # | Action | Owner | Due | Status |\n|---|---|---|---|---|\n");
            foreach (var a in incident.Actions)
            {
                md.Append("| ").Append(a.Id.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(MarkdownText.Inline(a.Text)).Append(" | ")
                    .Append(a.Owner is { } o ? MarkdownText.Inline(o.ToString()) : "—").Append(" | ")
                    .Append(a.Due is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—").Append(" | ")
                    .Append(a.Done ? "done" : "open").Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, string value)
    {
        if (md[^2] == '\n' && md[^1] == '\n')
        {
            md.Append("| | |\n|---|---|\n");
        }

        md.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
    }
}
