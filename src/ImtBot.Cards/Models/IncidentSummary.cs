using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>What every incident card shows at its top; text is already made safe for the platform (see <see cref="CardText"/>).</summary>
public sealed record IncidentSummary(
    string Key,
    string Title,
    string Header,
    string Severity,
    string SeverityText,
    string SeverityStyle,
    string SeverityColor,
    string SeverityEmoji,
    string Status,
    string StatusEmoji,
    string Kind,
    bool IsDrill,
    string DrillText,
    string Commander)
{
    /// <summary>Slack header blocks hold 150 characters.</summary>
    public const int HeaderMax = 150;

    public static IncidentSummary From(Incident incident, CardText text)
    {
        var severity = CardLabels.SeverityName(incident);
        var description = incident.Policy.Description;
        var prefix = (incident.Kind == IncidentKind.Drill ? "🧪 " : "🚨 ") + incident.Key + " · ";
        return new IncidentSummary(
            incident.Key,
            text.Markup(incident.Title, 600),
            prefix + text.Plain(incident.Title, HeaderMax - prefix.Length),
            severity,
            string.IsNullOrEmpty(description) ? severity : severity + " — " + description,
            CardLabels.SeverityStyle(incident.Severity),
            CardLabels.SeverityColor(incident.Severity),
            CardLabels.SeverityEmoji(incident.Severity),
            CardLabels.Status(incident.Status),
            CardLabels.StatusEmoji(incident.Status),
            CardLabels.Kind(incident.Kind),
            incident.Kind == IncidentKind.Drill,
            incident.Kind == IncidentKind.Drill
                ? "DRILL: practice only, not a real incident, not counted in metrics" + (string.IsNullOrEmpty(incident.Scenario) ? "" : " · scenario " + text.Markup(incident.Scenario, 100))
                : "",
            text.User(incident.Commander));
    }
}
