using System.Globalization;
using System.Text;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>Plain-text answers to <c>status</c> and <c>timeline</c>.</summary>
public static class IncidentText
{
    public static string Status(IncidentState s)
    {
        var b = new StringBuilder();
        var drill = s.Kind == IncidentKind.Drill ? " · DRILL" : "";
        b.Append(CultureInfo.InvariantCulture, $"{s.Key} · {s.Policy.Name} · {Incident.Describe(s.Status)}{drill} · {s.Title}\n");
        b.Append(CultureInfo.InvariantCulture, $"Declared {Time(s.DeclaredAt)} by {s.DeclaredBy}\n");
        b.Append("Roles: ").AppendJoin(" · ", s.RoleNames.Select(r => $"{r} {(s.Holder(r)?.ToString() ?? "—")}")).Append('\n');
        foreach (var p in s.IsFinal ? [] : s.OpenPages)
        {
            b.Append(CultureInfo.InvariantCulture, $"Paged: {p.To}{(p.Role is null ? "" : " for " + p.Role)} until {Incident.Clock(p.Deadline)}\n");
        }

        if (s.Updates.Count > 0)
        {
            var u = s.Updates[^1];
            b.Append(CultureInfo.InvariantCulture, $"Last update ({Time(u.At)}, {u.By}): {u.Text}\n");
        }

        var open = s.Actions.Count(a => !a.Done);
        b.Append(CultureInfo.InvariantCulture, $"Actions: {open} open, {s.Actions.Count - open} done");
        return b.ToString();
    }

    public static string Timeline(IReadOnlyList<IncidentEvent> events)
    {
        if (events.Count == 0)
        {
            return "No events.";
        }

        var b = new StringBuilder();
        b.Append(IncidentKey.Format(events[0].Incident)).Append(" timeline (UTC)\n");
        foreach (var e in events)
        {
            b.Append(CultureInfo.InvariantCulture, $"{Time(e.At)} · {e.Actor} · {Describe(e.Data)}\n");
        }

        return b.ToString().TrimEnd('\n');
    }

    public static string Describe(EventData data) => data switch
    {
        IncidentDeclared d => $"declared \"{d.Title}\" ({d.Policy.Name}{(d.Kind == IncidentKind.Drill ? ", drill" : "")})",
        SeverityChanged d => $"severity SEV{d.From} → SEV{d.To}: {d.Reason}",
        StatusChanged d => $"{Incident.Describe(d.From)} → {Incident.Describe(d.To)}{(d.Note is null ? "" : ": " + d.Note)}",
        RoleAssigned d => $"{d.User} is {d.Role}",
        RoleReleased d => $"{d.User} no longer {d.Role}{(d.Reason is null ? "" : " (" + d.Reason + ")")}",
        PageSent d => $"paged {d.To}{(d.Role is null ? "" : " for " + d.Role)} (round {d.Round}, until {Incident.Clock(d.Deadline)})",
        PageAcknowledged d => $"page {d.PageId} acknowledged",
        PageDeclined d => $"page {d.PageId} declined",
        PageExpired d => $"page {d.PageId} expired",
        UpdatePosted d => $"update: {d.Text}",
        NoteAdded d => $"note: {d.Text}",
        ActionAdded d => $"action #{d.ActionId}: {d.Text}{(d.Owner is null ? "" : " (" + d.Owner + ")")}",
        ActionCompleted d => $"action #{d.ActionId} done",
        HandoverRequested d => $"hand-over {d.From} → {d.To}: {d.Summary}",
        ParticipantJoined d => $"{d.User} joined",
        ReminderSent d => $"reminder ({d.Reminder}) to {d.To?.ToString() ?? "the channel"}",
        ReminderSnoozed d => $"reminder ({d.Reminder}) snoozed until {Incident.Clock(d.Until)}",
        MessageCaptured d => $"message from {d.Author} at {Time(d.PostedAt)}: {d.Text}",
        MessageEdited d => $"message {d.MessageId} edited: {d.Text}",
        MessageDeleted d => $"message {d.MessageId} deleted",
        OnCallListSet d => $"on-call list for {d.Role}: {string.Join(", ", d.Users)}",
        _ => data.TypeName,
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
