using ImtBot.Core.Alerts;

namespace ImtBot.Api.Dtos;

/// <summary>The answer to an alert notification: what became of each alert, in the order sent.</summary>
public sealed record AlertReceiptDto(string Integration, int Received, AlertOutcomeDto[] Alerts);

/// <summary>One alert's fate: <c>declared</c>, <c>added</c>, <c>paged</c>, <c>silenced</c>, <c>resolved</c>, <c>duplicate</c>, <c>ignored</c> or <c>rejected</c>.</summary>
public sealed record AlertOutcomeDto(string Fingerprint, string Status, string Result, string? Incident, string Text)
{
    /// <summary>The alert page holding the alert (<c>AP-3</c>) when a <c>page</c> route paged without an incident.</summary>
    public string? AlertPage { get; init; }

    public static AlertOutcomeDto From(AlertOutcome o) => new(
        o.Fingerprint,
        o.Status.ToString().ToLowerInvariant(),
        o.Result,
        o.Incident is { } n ? ImtBot.Core.Incidents.IncidentKey.Format(n) : null,
        o.Text) { AlertPage = o.AlertPage };
}
