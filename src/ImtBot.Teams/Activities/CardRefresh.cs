using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Teams.Outbound;

namespace ImtBot.Teams.Activities;

/// <summary>
/// The one rule for what an <c>adaptiveCard/action</c> invoke answers with: the card that was clicked, refreshed. A page
/// card comes back as that page (now acknowledged or declined), an incident card as the incident card; a card posted
/// before buttons named their card is taken for the incident card (the only one Teams refreshed then). Other cards
/// (update, review) cannot be rebuilt from the click, so the answer is the command's reply as a message (null here).
/// An alert page's card comes back as that alert page's card, as its sync will redraw it for everyone.
/// </summary>
internal static class CardRefresh
{
    public static JsonNode? For(IIncidentCards cards, ClickedCard clicked, Incident incident, bool inFallbackThread) => clicked.Card switch
    {
        null or CardNames.Incident => TeamsIncidentCard.Render(cards, incident, inFallbackThread),
        CardNames.Checklist => cards.Checklist(PlatformNames.Teams, incident), // the pressed task drops off the card
        CardNames.Page => incident.Pages.FirstOrDefault(p => p.Id == clicked.PageId) is { } page ? cards.Page(PlatformNames.Teams, incident, page) : null,
        _ => null,
    };

    public static JsonNode? For(IIncidentCards cards, ClickedCard clicked, AlertPage alertPage, DateTimeOffset now) =>
        clicked.Card == CardNames.Page && clicked.PageId is { } id && alertPage.FindPage(id) is { } page
            ? cards.AlertPage(PlatformNames.Teams, alertPage, page, now)
            : null;
}
