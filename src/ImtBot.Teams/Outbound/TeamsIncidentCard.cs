using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Teams.Outbound;

/// <summary>
/// The incident card as Teams shows it, the same whether it is posted, edited in place or answered to a click: in a
/// thread that stands in for a channel Graph refused to create, the card says why.
/// </summary>
internal static class TeamsIncidentCard
{
    public static JsonNode Render(IIncidentCards cards, Incident incident, bool inFallbackThread) =>
        cards.Incident(PlatformNames.Teams, incident, inFallbackThread ? TeamsPlatform.FallbackNotice : null);
}
