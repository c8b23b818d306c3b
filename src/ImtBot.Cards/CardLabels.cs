using System.Globalization;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards;

/// <summary>The words, colours and emoji the cards use for roles, severities and states.</summary>
public static class CardLabels
{
    public static string Role(string role) => role.ToLowerInvariant() switch
    {
        "commander" => "Commander",
        "deputy" => "Deputy",
        "comms" => "Communications lead",
        "ops" => "Operations lead",
        "scribe" => "Scribe",
        var other => other.Length == 0 ? "" : char.ToUpper(other[0], CultureInfo.InvariantCulture) + other[1..],
    };

    public static string Status(IncidentStatus status) => status.ToString();

    public static string StatusEmoji(IncidentStatus status) => status switch
    {
        IncidentStatus.Declared => ":rotating_light:",
        IncidentStatus.Investigating => ":mag:",
        IncidentStatus.Identified => ":dart:",
        IncidentStatus.Mitigated => ":adhesive_bandage:",
        IncidentStatus.Resolved => ":white_check_mark:",
        IncidentStatus.Closed => ":lock:",
        _ => ":no_entry_sign:",
    };

    /// <summary>The Teams container style of the card's header band.</summary>
    public static string SeverityStyle(int level) => level switch { 1 => "attention", 2 => "warning", 3 => "accent", _ => "emphasis" };

    /// <summary>The Teams text colour of the severity.</summary>
    public static string SeverityColor(int level) => level switch { 1 => "Attention", 2 => "Warning", 3 => "Accent", _ => "Default" };

    public static string SeverityEmoji(int level) => level switch { 1 => ":red_circle:", 2 => ":large_orange_circle:", 3 => ":large_yellow_circle:", _ => ":white_circle:" };

    public static string SeverityName(Incident incident) =>
        string.IsNullOrEmpty(incident.Policy.Name) ? "SEV" + incident.Severity.ToString(CultureInfo.InvariantCulture) : incident.Policy.Name;

    /// <summary>"Normal" or "Drill", the words the API and the review use too.</summary>
    public static string Kind(IncidentKind kind) => kind == IncidentKind.Drill ? "Drill" : "Normal";
}
