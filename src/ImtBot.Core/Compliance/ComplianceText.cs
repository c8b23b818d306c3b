using System.Globalization;
using System.Text;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Compliance;

/// <summary>The words for compliance events and clocks, used by the timeline, the <c>compliance</c> answer and reminders.</summary>
public static class ComplianceText
{
    /// <summary>The timeline words for a compliance event, or null for any other event.</summary>
    public static string? Describe(EventData data) => data switch
    {
        RegimeStarted r => $"put the incident under {r.Rule.Name}, aware since {Time(r.AwareAt)} UTC" + Reason(r.Reason),
        RegimeNotApplicable r => $"decided {r.Regime} does not apply" + Reason(r.Reason),
        IncidentClassified c => $"classified the incident as {c.Classification}" + Reason(c.Reason),
        MaterialityDetermined m => "determined the incident is material" + Reason(m.Reason),
        RegulatorNotified n => $"recorded the {n.Regime} {n.Stage} submission, reference {n.Reference}" + Reason(n.Note),
        ComplianceReminderSent r => $"reminded {string.Join(", ", r.To)} ({r.Regime} {r.Stage}, {r.Point}): {r.Text}",
        _ => null,
    };

    /// <summary>The answer to <c>compliance</c>: one line per clock.</summary>
    public static string Clocks(Incident state, DateTimeOffset now, IReadOnlyList<string> enabled)
    {
        var clocks = ComplianceClocks.Of(state, now);
        var b = new StringBuilder();
        var exercise = state.Kind == IncidentKind.Drill ? " — EXERCISE: a drill, nothing is due to a regulator" : "";
        b.Append(CultureInfo.InvariantCulture, $"{state.Key} regulatory clocks (UTC){exercise}\n");
        if (clocks.Count == 0 && state.ComplianceDecisions.Count == 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"No regime is on record. Start one with `/incident regulated <regime> [aware <time>] [reason]` ({string.Join(", ", enabled)}), or record that one does not apply with `/incident notregulated <regime> <reason>`.");
            return b.ToString();
        }

        foreach (var c in clocks)
        {
            b.Append("• ").Append(Line(c, now)).Append('\n');
        }

        foreach (var d in state.ComplianceDecisions)
        {
            b.Append(CultureInfo.InvariantCulture, $"Decision {Time(d.At)} by {d.By}: {d.What}{Reason(d.Reason)}\n");
        }

        b.Append("Tracks deadlines only; it is not legal advice.");
        return b.ToString();
    }

    /// <summary>"GDPR Art. 33 notification to the supervisory authority: due 2026-11-30 09:00 UTC (71 h 12 min left) — 72 h after awareness".</summary>
    public static string Line(ComplianceClock c, DateTimeOffset now)
    {
        var head = $"{c.RegimeName} {c.StageName}{(c.Exercise ? " (exercise)" : "")}: ";
        return head + c.State switch
        {
            ClockState.Waiting => $"not started — {c.Basis}",
            ClockState.Stopped => "stopped: decided not to apply",
            ClockState.Running => $"due {Time(c.Deadline!.Value)} UTC ({Left(c.Deadline.Value - now)} left) — {c.Basis}",
            ClockState.Overdue => $"MISSED: was due {Time(c.Deadline!.Value)} UTC ({Left(now - c.Deadline.Value)} ago) — {c.Basis}",
            ClockState.Met => $"submitted {Time(c.Submitted!.At)} UTC by {c.Submitted.By}, ref {c.Submitted.Reference}" + (c.Deadline is { } d ? $" (due {Time(d)} UTC: met)" : ""),
            _ => $"submitted LATE {Time(c.Submitted!.At)} UTC by {c.Submitted.By}, ref {c.Submitted.Reference} (due {Time(c.Deadline!.Value)} UTC, {Left(c.Submitted.At - c.Deadline.Value)} late)",
        };
    }

    /// <summary><c>2 d 3 h</c>, <c>5 h 20 min</c>, <c>12 min</c>.</summary>
    public static string Left(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{Math.Max(0, (int)Math.Ceiling(span.TotalMinutes))} min";
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";
}
