using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>A page (<c>page.json</c>): a direct message asking one person to Acknowledge or Decline.</summary>
public sealed record PageCardModel(
    IncidentSummary Incident,
    string Text,
    string Headline,
    string Message,
    bool HasMessage,
    IReadOnlyList<LabelledText> Details,
    IReadOnlyList<CardAction> Actions)
{
    public static PageCardModel From(IncidentState incident, Page page, CardText text)
    {
        var summary = IncidentSummary.From(incident, text);
        var role = page.Role is null ? null : CardLabels.Role(page.Role);
        var headline = "You are paged for " + incident.Key + (role is null ? "" : " as " + role);
        var details = new List<LabelledText>
        {
            new("Severity", summary.SeverityText),
            new("Status", summary.Status),
            new("Commander", summary.Commander),
            new("Answer by", CardText.Time(page.Deadline) + (page.Round > 1 ? " (round " + page.Round + ")" : "")),
        };
        return new PageCardModel(
            summary,
            headline + " (" + summary.Severity + "): " + text.Markup(incident.Title, 300),
            headline,
            text.Markup(page.Message, 2000),
            !string.IsNullOrWhiteSpace(page.Message),
            details,
            [CardAction.Of("Acknowledge", "ack " + incident.Key, "positive"), CardAction.Of("Decline", "decline " + incident.Key, "destructive")]);
    }
}
