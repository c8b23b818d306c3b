using System.Globalization;
using System.Text;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>Plain-text answers to <c>status</c> and <c>timeline</c>, and the one description of each event.</summary>
public static class IncidentText
{
    public static string Status(Incident s)
    {
        var b = new StringBuilder();
        var drill = s.Kind == IncidentKind.Drill ? " · DRILL" : "";
        b.Append(CultureInfo.InvariantCulture, $"{s.Key} · {s.Policy.Name} · {IncidentDecider.Describe(s.Status)}{drill} · {s.Title}\n");
        b.Append(CultureInfo.InvariantCulture, $"Declared {Time(s.DeclaredAt)} by {s.DeclaredBy}\n");
        b.Append("Roles: ").AppendJoin(" · ", s.RoleNames.Select(r => $"{r} {(s.Holder(r)?.ToString() ?? "—")}")).Append('\n');
        foreach (var p in s.IsFinal ? [] : s.OpenPages)
        {
            b.Append(CultureInfo.InvariantCulture, $"Paged: {p.To}{(p.Role is null ? "" : " for " + p.Role)} until {IncidentDecider.Clock(p.Deadline)}\n");
        }

        if (s.Updates.Count > 0)
        {
            var u = s.Updates[^1];
            b.Append(CultureInfo.InvariantCulture, $"Last update ({Time(u.At)}, {u.By}): {u.Text}\n");
        }

        var open = s.Actions.Count(a => a.IsOpen);
        var cancelled = s.Actions.Count(a => a.CancelledAt is not null);
        b.Append(CultureInfo.InvariantCulture, $"Actions: {open} open, {s.Actions.Count - open - cancelled} done");
        if (cancelled > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $", {cancelled} cancelled");
        }
        return b.ToString();
    }

    /// <summary>The timeline the review shows (<see cref="Incident.Timeline"/>), one line per event.</summary>
    public static string Timeline(IReadOnlyList<IncidentEvent> events)
    {
        if (events.Count == 0)
        {
            return "No events.";
        }

        return Timeline(Incident.Replay(events));
    }

    /// <summary>The timeline of an incident already folded.</summary>
    public static string Timeline(Incident incident)
    {
        if (incident.Version == 0)
        {
            return "No events.";
        }

        var b = new StringBuilder();
        b.Append(incident.Key).Append(" timeline (UTC)\n");
        foreach (var t in incident.Timeline)
        {
            b.Append(CultureInfo.InvariantCulture, $"{Time(t.At)} · {t.Actor} · {t.Text}\n");
        }

        return b.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// One event in words, as every timeline shows it after the actor's name (plain text; a writer escapes it):
    /// <c>moved the incident from Investigating to Identified: bad config</c>. For a page's answer, the fold passes the
    /// page it answered (<paramref name="page"/>), so the words can name whom the page was for; for a page sent, an earlier
    /// page with the same message, so an escalation does not repeat it.
    /// </summary>
    internal static string Describe(IncidentEvent e, Page? page) => e.Data switch
    {
        IncidentDeclared d => $"declared {IncidentKey.Format(e.Incident)} \"{d.Title}\" as SEV{d.Severity}" +
            (d.Kind == IncidentKind.Drill ? $", a drill{(d.Scenario is { } s ? $" (scenario: {s})" : "")}" : "") + $" in {d.Origin}",
        SeverityChanged s => $"changed the severity from SEV{s.From} to SEV{s.To}: {s.Reason}",
        StatusChanged s => Move(s) + (string.IsNullOrWhiteSpace(s.Note) ? "" : $": {s.Note}"),
        RoleAssigned r => r.User == e.Actor ? $"took the {r.Role} role" : $"gave the {r.Role} role to {r.User}",
        RoleReleased r => (r.User == e.Actor ? $"released the {r.Role} role" : $"released {r.User} from the {r.Role} role") +
            (string.IsNullOrWhiteSpace(r.Reason) ? "" : $" ({r.Reason})"),
        PageSent p => $"paged {p.To}" + (p.Role is { } role ? $" for the {role} role" : "") + (p.Round > 1 ? $" (round {p.Round})" : "") +
            $", answer by {Clock(p.Deadline)} UTC" + (string.IsNullOrWhiteSpace(p.Message) || page?.Message == p.Message ? "" : $": {p.Message}"),
        PageAcknowledged p => $"acknowledged {Page(e, p.PageId, page)}",
        PageDeclined p => $"declined {Page(e, p.PageId, page)}",
        PageExpired p => $"expired {Page(e, p.PageId, page)}, unanswered",
        UpdatePosted u => $"posted a stakeholder update: {u.Text}",
        NoteAdded n => $"noted: {n.Text}",
        ActionAdded a => $"added action #{N(a.ActionId)}: {a.Text}" + Owner(a),
        ActionCompleted a => $"completed action #{N(a.ActionId)}",
        HandoverRequested h => $"asked {h.To} to take over command" + (h.Release ? " (and to be released)" : "") + $": {h.Summary}",
        ParticipantJoined p => p.User == e.Actor ? "joined" : $"added {p.User} to the incident",
        ReminderSent r => $"reminded {(r.To is { } to ? to.ToString() : "the channel")} ({r.Reminder}): {r.Text}",
        ReminderSnoozed r => $"snoozed the {r.Reminder} reminder until {Clock(r.Until)} UTC",
        MessageCaptured m => $"said: {m.Text} (pinned by {e.Actor} at {Clock(e.At)} UTC)",
        MessageEdited m => $"a pinned message ({m.MessageId}) was edited: {m.Text}",
        MessageDeleted m => $"a pinned message ({m.MessageId}) was deleted",
        DrillEvent d => Drills.DrillText.Describe(d),
        ImpactRecorded i => $"recorded that the impact began at {Time(i.Began)} UTC" + (string.IsNullOrWhiteSpace(i.Description) ? "" : $": {i.Description}"),
        DetectionRecorded d => $"recorded that it was detected at {Time(d.At)} UTC",
        IncidentAssessed a => AssessmentText.Describe(a),
        ReviewTextWritten w => $"wrote the review's {Reviews.ReviewSections.Heading(w.Section).ToLowerInvariant()}: {w.Text}",
        ActionAssigned a => $"gave action #{N(a.ActionId)} to {a.Owner}",
        ActionCancelled a => $"cancelled action #{N(a.ActionId)}" + (string.IsNullOrWhiteSpace(a.Reason) ? "" : $": {a.Reason}"),
        OnCallListSet o => $"set the {o.Role} on-call list: " + (o.Users.Count == 0 ? "nobody" : string.Join(", ", o.Users)),
        PlanAdopted p => $"changed the type from {p.From ?? "default"} to {p.IncidentType}: response plan \"{p.Plan.Title}\" ({p.Plan.Tasks.Count} tasks)",
        PlanTaskDone t => $"did task {t.TaskId}" + (string.IsNullOrWhiteSpace(t.Note) ? "" : $": {t.Note}"),
        PlanTaskSkipped t => $"skipped task {t.TaskId}: {t.Reason}",
        PlanTaskAssigned t => $"gave task {t.TaskId} to {t.User}",
        PlanTaskAdded t => $"added task {t.Task.Id}: {t.Task.Text}" + (t.Assignee is { } a ? $" (owner {a})" : ""),
        PlanOverridden o => $"overrode the open required tasks {string.Join(", ", o.TaskIds)}: {o.Reason}",
        PlanStepRan r => $"ran the automatic step of task {r.TaskId} ({r.Kind})",
        PlanStepFailed f => $"could not run the automatic step of task {f.TaskId} ({f.Kind}): {f.Problem}",
        AlertFired a => Alerts.AlertText.Fired(a),
        AlertRepeated a => $"alert {a.Fingerprint} fired again",
        AlertResolved a => $"alert {a.Fingerprint} resolved",
        _ when Compliance.ComplianceText.Describe(e.Data) is { } words => words,
        _ => e.Type,
    };

    /// <summary><c>2026-12-15</c>.</summary>
    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Move(StatusChanged s) => s.To switch
    {
        IncidentStatus.Closed => "closed the incident",
        IncidentStatus.Cancelled => "cancelled the incident as a false alarm",
        _ when s.From == IncidentStatus.Resolved => $"reopened the incident ({s.To})",
        _ => $"moved the incident from {s.From} to {s.To}",
    };

    /// <summary><c>the page for the ops role</c> when the actor was paged, else <c>the page to @Dan for the ops role</c>.</summary>
    private static string Page(IncidentEvent e, string id, Page? page) =>
        page is { } p
            ? (p.To == e.Actor ? "the page" : $"the page to {p.To}") + (p.Role is { } role ? $" for the {role} role" : "")
            : $"page {id}";

    private static string Owner(ActionAdded a) =>
        (a.Owner, a.Due) switch
        {
            (null, null) => "",
            ({ } o, null) => $" (owner {o})",
            (null, { } d) => $" (due {Date(d)})",
            ({ } o, { } d) => $" (owner {o}, due {Date(d)})",
        };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
