using System.Globalization;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Reviews;

/// <summary>Each event in words, as the timeline shows it after the actor's name (plain text; the writer escapes it).</summary>
internal static class TimelineText
{
    public static string Describe(IncidentEvent e, IReadOnlyDictionary<string, ReviewPage> pages) => e.Data switch
    {
        IncidentDeclared d => $"declared {IncidentKey.Format(e.Incident)} \"{d.Title}\" as SEV{d.Severity}" +
            (d.Kind == IncidentKind.Drill ? $", a drill{(d.Scenario is { } s ? $" (scenario: {s})" : "")}" : "") + $" in {d.Origin}",
        SeverityChanged s => $"changed the severity from SEV{s.From} to SEV{s.To}: {s.Reason}",
        StatusChanged s => Status(s) + (string.IsNullOrWhiteSpace(s.Note) ? "" : $": {s.Note}"),
        RoleAssigned r => r.User == e.Actor ? $"took the {r.Role} role" : $"gave the {r.Role} role to {r.User}",
        RoleReleased r => (r.User == e.Actor ? $"released the {r.Role} role" : $"released {r.User} from the {r.Role} role") +
            (string.IsNullOrWhiteSpace(r.Reason) ? "" : $" ({r.Reason})"),
        PageSent p => $"paged {p.To}" + (p.Role is { } role ? $" for the {role} role" : "") + (p.Round > 1 ? $" (round {p.Round})" : "") +
            $", answer by {DurationText.Clock(p.Deadline)} UTC" + (string.IsNullOrWhiteSpace(p.Message) ? "" : $": {p.Message}"),
        PageAcknowledged p => $"acknowledged {Page(e, p.PageId, pages)}",
        PageDeclined p => $"declined {Page(e, p.PageId, pages)}",
        PageExpired p => $"expired {Page(e, p.PageId, pages)}, unanswered",
        UpdatePosted u => $"posted a stakeholder update: {u.Text}",
        NoteAdded n => $"noted: {n.Text}",
        ActionAdded a => $"added action #{N(a.ActionId)}: {a.Text}" + Owner(a),
        ActionCompleted a => $"completed action #{N(a.ActionId)}",
        HandoverRequested h => $"asked {h.To} to take over command" + (h.Release ? " (and to be released)" : "") + $": {h.Summary}",
        ParticipantJoined p => p.User == e.Actor ? "joined" : $"added {p.User} to the incident",
        ReminderSent r => $"reminded {(r.To is { } to ? to.ToString() : "the channel")} ({r.Reminder}): {r.Text}",
        ReminderSnoozed r => $"snoozed the {r.Reminder} reminder until {DurationText.Clock(r.Until)} UTC",
        MessageCaptured m => $"said: {m.Text} (pinned by {e.Actor} at {DurationText.Clock(e.At)} UTC)",
        MessageEdited m => $"a pinned message ({m.MessageId}) was edited: {m.Text}",
        MessageDeleted m => $"a pinned message ({m.MessageId}) was deleted",
        OnCallListSet o => $"set the {o.Role} on-call list: " + (o.Users.Count == 0 ? "nobody" : string.Join(", ", o.Users)),
        _ => e.Type,
    };

    private static string Status(StatusChanged s) => s.To switch
    {
        IncidentStatus.Closed => "closed the incident",
        IncidentStatus.Cancelled => "cancelled the incident as a false alarm",
        _ when s.From == IncidentStatus.Resolved => $"reopened the incident ({s.To})",
        _ => $"moved the incident from {s.From} to {s.To}",
    };

    /// <summary><c>the page for the ops role</c> when the actor was paged, else <c>the page to @Dan for the ops role</c>.</summary>
    private static string Page(IncidentEvent e, string id, IReadOnlyDictionary<string, ReviewPage> pages) =>
        pages.TryGetValue(id, out var p)
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

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
