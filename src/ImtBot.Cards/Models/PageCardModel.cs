using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// A page (<c>page.json</c>): a direct message asking one person to Acknowledge or Decline. Once the page is answered
/// (or expired) the card says so and offers no buttons: an invoke answers with this card refreshed.
/// </summary>
public sealed record PageCardModel(
    IncidentSummary Incident,
    string PageId,
    string Text,
    string Headline,
    string Message,
    bool HasMessage,
    IReadOnlyList<LabelledText> Details,
    bool Answered,
    string Outcome,
    string OutcomeColor,
    bool HasActions,
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
        var (outcome, color) = OutcomeOf(page);
        IReadOnlyList<CardAction> actions = page.Status == PageStatus.Paged
            ? [CardAction.Of("Acknowledge", "ack " + incident.Key, "positive"), CardAction.Of("Decline", "decline " + incident.Key, "destructive")]
            : [];
        return new PageCardModel(
            summary,
            page.Id,
            headline + " (" + summary.Severity + "): " + text.Markup(incident.Title, 300),
            headline,
            text.Markup(page.Message, 2000),
            !string.IsNullOrWhiteSpace(page.Message),
            details,
            page.Status != PageStatus.Paged,
            outcome,
            color,
            actions.Count > 0,
            actions);
    }

    /// <summary>What became of the page, and the Adaptive Card colour that says so (Slack shows the text only).</summary>
    private static (string Text, string Color) OutcomeOf(Page page)
    {
        var at = page.AnsweredAt is { } answered ? " at " + CardText.Time(answered) : "";
        return page.Status switch
        {
            PageStatus.Acknowledged => ("You acknowledged this page" + at + ".", "Good"),
            PageStatus.Declined => ("You declined this page" + at + ".", "Warning"),
            PageStatus.Expired => ("This page expired without an answer" + at + ".", "Attention"),
            _ => ("", "Default"),
        };
    }
}
