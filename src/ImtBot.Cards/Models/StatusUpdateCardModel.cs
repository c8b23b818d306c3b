using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>A stakeholder update (<c>update.json</c>), posted in the incident channel and the announcements channel.</summary>
public sealed record StatusUpdateCardModel(
    IncidentSummary Incident,
    string Text,
    string UpdateText,
    string Meta,
    IReadOnlyList<LabelledText> Details,
    bool HasNextUpdate,
    string NextUpdate,
    IReadOnlyList<CardAction> Actions)
{
    public static StatusUpdateCardModel From(Incident incident, StatusUpdate update, CardText text)
    {
        var summary = IncidentSummary.From(incident, text);
        var cadence = incident.Policy.UpdateCadence;
        var active = !incident.IsFinal && incident.Status != IncidentStatus.Resolved;
        return new StatusUpdateCardModel(
            summary,
            "Update on " + incident.Key + " (" + summary.Severity + ", " + summary.Status + "): " + text.Markup(update.Text, 2500),
            text.Markup(update.Text, 2900),
            "Posted " + CardText.Time(update.At) + " by " + text.User(update.By),
            [new("Severity", summary.SeverityText), new("Status", summary.Status), new("Commander", summary.Commander)],
            active && cadence is not null,
            active && cadence is { } c ? "Next update by " + CardText.Time(update.At + c) : "",
            [CardAction.Of("Status", "status " + incident.Key)]);
    }
}
