using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Api.Dtos;

/// <summary>One row of <c>GET /api/incidents</c>.</summary>
public sealed record IncidentSummaryDto(
    int Number,
    string Key,
    string Title,
    int Severity,
    string Kind,
    string State,
    string Platform,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt)
{
    public static IncidentSummaryDto From(IncidentSnapshot s) => new(
        s.Number, IncidentKey.Format(s.Number), s.Title, s.Severity, s.Kind.ToString(), s.Status.ToString(), s.Platform, s.DeclaredAt, s.ResolvedAt, s.ClosedAt);
}
