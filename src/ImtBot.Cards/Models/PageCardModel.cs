using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// A page (<c>page.json</c>): a direct message asking one person to Acknowledge or Decline. Once the page is answered
/// (or expired) the card says so, names who was paged next when paging moved on, and loses its Acknowledge / Decline
/// buttons: an invoke answers with this card refreshed, and the platform edits the sent card in place. When the platform
/// knows a link to the incident channel, the card has a "Join its channel" link button (answered or not).
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
    IReadOnlyList<CardAction> Actions,
    string ChannelTitle,
    string ChannelUrl,
    bool HasChannelUrl,
    bool HasButtons)
{
    public const string JoinChannel = "Join its channel";

    /// <param name="channelUrl">A link that opens the incident channel on the card's platform, or null when unknown.</param>
    public static PageCardModel From(Incident incident, Page page, CardText text, string? channelUrl = null)
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
        var (outcome, color) = OutcomeOf(incident, page, text);
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
            actions,
            JoinChannel,
            channelUrl ?? "",
            !string.IsNullOrEmpty(channelUrl),
            actions.Count > 0 || !string.IsNullOrEmpty(channelUrl));
    }

    /// <summary>What became of the page, and the Adaptive Card colour that says so (Slack shows the text only).</summary>
    private static (string Text, string Color) OutcomeOf(Incident incident, Page page, CardText text)
    {
        var at = page.AnsweredAt is { } answered ? " at " + CardText.Time(answered) : "";
        var next = NextAfter(incident, page) is { } escalated ? "; " + text.User(escalated.To) + " is paged next" : "";
        return page.Status switch
        {
            PageStatus.Acknowledged => ("You acknowledged this page" + at + ".", "Good"),
            PageStatus.Declined => ("You declined this page" + at + next + ".", "Warning"),
            PageStatus.Expired => ("This page expired without an answer" + at + next + ".", "Attention"),
            _ => ("", "Default"),
        };
    }

    /// <summary>
    /// The page escalation sent in the same decision that declined or expired this one: the same role, sent at the moment
    /// this page was answered. A later page to the role, sent by hand, is not "next".
    /// </summary>
    private static Page? NextAfter(Incident incident, Page page) =>
        page.Role is null || page.AnsweredAt is not { } answered
            ? null
            : incident.Pages.FirstOrDefault(p => p.Id != page.Id && p.SentAt == answered
                && string.Equals(p.Role, page.Role, StringComparison.OrdinalIgnoreCase));
}
