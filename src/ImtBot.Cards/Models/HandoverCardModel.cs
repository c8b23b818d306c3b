using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>A structured commander hand-over (<c>handover.json</c>): who leads now and the outgoing commander's summary.</summary>
public sealed record HandoverCardModel(
    IncidentSummary Incident,
    string Text,
    string Headline,
    string Summary,
    IReadOnlyList<LabelledText> Details,
    IReadOnlyList<CardAction> Actions)
{
    public static HandoverCardModel From(IncidentState incident, string summary, CardText text)
    {
        var top = IncidentSummary.From(incident, text);
        var headline = "Command of " + incident.Key + " handed over to " + top.Commander;
        return new HandoverCardModel(
            top,
            headline + ": " + text.Markup(summary, 2000),
            headline,
            text.Markup(summary, 2900),
            [new("Commander", top.Commander), new("Severity", top.SeverityText), new("Status", top.Status)],
            [CardAction.Of("Status", "status " + incident.Key), CardAction.Of("Timeline", "timeline " + incident.Key)]);
    }
}
