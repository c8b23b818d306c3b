using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>A reminder (<c>reminder.json</c>) with Snooze buttons (<c>snooze INC-42 &lt;reminder&gt; &lt;minutes&gt;</c>); an update reminder also offers to post the update.</summary>
public sealed record ReminderCardModel(
    IncidentSummary Incident,
    string Text,
    string Reminder,
    string Message,
    bool CanUpdate,
    string UpdateCommand,
    string UpdateHint,
    IReadOnlyList<CardAction> Actions)
{
    public static ReminderCardModel From(Incident incident, string reminder, string message, CardText text)
    {
        var summary = IncidentSummary.From(incident, text);
        var body = text.Markup(string.IsNullOrWhiteSpace(message) ? "Reminder: " + reminder : message, 2000);
        return new ReminderCardModel(
            summary,
            "Reminder for " + incident.Key + ": " + body,
            reminder,
            body,
            reminder.StartsWith("update", StringComparison.OrdinalIgnoreCase) && !incident.IsFinal,
            "update " + incident.Key,
            "Post one with " + text.Code("/incident update " + incident.Key + " <what changed>", 120),
            [CardAction.Of("Snooze 15 min", $"snooze {incident.Key} {reminder} 15"), CardAction.Of("Snooze 1 hour", $"snooze {incident.Key} {reminder} 60")]);
    }
}
