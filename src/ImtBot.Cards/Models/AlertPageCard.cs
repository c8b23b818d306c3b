using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>
/// The page card (<c>page.json</c>) of an alert page: the alert with its labels and links, whom it pages and until when,
/// and the buttons an on-call engineer reaches for — Acknowledge / Decline while their page is open, Declare incident
/// (the alert goes into it) and Silence 1h / 4h / 24h while the alert is theirs, Unsilence while it is silenced.
/// </summary>
public static class AlertPageCard
{
    /// <summary>The silences offered as buttons, shortest first.</summary>
    public static readonly string[] SilenceChoices = ["1h", "4h", "24h"];

    public static PageCardModel From(AlertPage alert, Page page, CardText text, DateTimeOffset now)
    {
        var state = alert.State;
        var prefix = "🔔 " + alert.Key + " · ";
        var summary = new IncidentSummary(
            alert.Key,
            text.Markup(alert.Title, 600),
            prefix + text.Plain(alert.Title, IncidentSummary.HeaderMax - prefix.Length),
            "Alert",
            "Alert from " + text.Plain(alert.Integration, 100),
            "attention",
            "Attention",
            ":bell:",
            state.ToString(),
            "🔔",
            "Alert page",
            false,
            "",
            text.User(alert.AcknowledgedBy));
        var headline = "You are paged for " + alert.Key + " as " + CardLabels.Role(alert.Role);
        var details = new List<LabelledText>
        {
            new("Alert", text.Plain(alert.Integration, 100) + (alert.Count > 1 ? " · fired " + alert.Count + " times" : "")),
            new("Answer by", CardText.Time(page.Deadline) + (page.Round > 1 ? " (round " + page.Round + ")" : "")),
        };
        if (alert.Labels.Count > 0)
        {
            details.Add(new("Labels", text.Plain(string.Join(", ", alert.Labels.Select(l => l.Key + "=" + l.Value)), 500)));
        }

        if (alert.IsSilenced(now))
        {
            details.Add(new("Silenced", "until " + CardText.Time(alert.SilencedUntil!.Value) + " by " + text.User(alert.SilencedBy)));
        }

        var links = string.Join("\n", alert.Links.Take(5));
        var (outcome, color) = Outcome(alert, page, text);
        var actions = Actions(alert, page, now);
        return new PageCardModel(
            summary,
            page.Id,
            headline + ": " + text.Markup(alert.Title, 300),
            headline,
            text.Markup(links, 2000),
            links.Length > 0,
            details,
            outcome.Length > 0,
            outcome,
            color,
            actions.Count > 0,
            actions,
            PageCardModel.JoinChannel,
            "",
            false,
            actions.Count > 0);
    }

    private static List<CardAction> Actions(AlertPage alert, Page page, DateTimeOffset now)
    {
        var actions = new List<CardAction>();
        if (!alert.IsOpen)
        {
            return actions;
        }

        if (page.Status == PageStatus.Paged)
        {
            actions.Add(CardAction.Of("Acknowledge", "ack " + alert.Key, "positive"));
            actions.Add(CardAction.Of("Decline", "decline " + alert.Key, "destructive"));
        }
        else if (!(page.Status == PageStatus.Acknowledged || alert.IsSilenced(now)))
        {
            return actions;
        }

        actions.Add(CardAction.Of("Declare incident", "declare " + alert.Key));
        if (alert.IsSilenced(now))
        {
            actions.Add(CardAction.Of("Unsilence", "unsilence " + alert.Key));
        }
        else
        {
            // Teams shows at most five actions in a set: while Acknowledge and Decline are there, the longest silence is
            // left to the command (`silence AP-n 24h`).
            var choices = page.Status == PageStatus.Paged ? SilenceChoices[..^1] : SilenceChoices;
            actions.AddRange(choices.Select(c => CardAction.Of("Silence " + c, "silence " + alert.Key + " " + c)));
        }

        return actions;
    }

    private static (string Text, string Color) Outcome(AlertPage alert, Page page, CardText text)
    {
        var at = page.AnsweredAt is { } answered ? " at " + CardText.Time(answered) : "";
        return alert.State switch
        {
            AlertPageState.Declared => ("Declared as " + IncidentKey.Format(alert.Incident!.Value) + " by " + text.User(alert.DeclaredBy) + ".", "Good"),
            AlertPageState.Resolved => ("The alert resolved" + (alert.ResolvedAt is { } r ? " at " + CardText.Time(r) : "") + ".", "Good"),
            _ => page.Status switch
            {
                PageStatus.Acknowledged => ("You acknowledged this page" + at + ".", "Good"),
                PageStatus.Declined => ("You declined this page" + at + ".", "Warning"),
                PageStatus.Expired when alert.SilencedBy is not null => ("Silenced by " + text.User(alert.SilencedBy) + at + ".", "Warning"),
                PageStatus.Expired => ("This page expired without an answer" + at + ".", "Attention"),
                _ => ("", "Default"),
            },
        };
    }
}
