using ImtBot.Core.Incidents;

namespace ImtBot.Core.Ports;

/// <summary>The indexed summary of an incident kept beside its events (for listings, lookups and metrics queries).</summary>
public sealed record IncidentSnapshot(
    int Number,
    long Version,
    string Title,
    int Severity,
    IncidentKind Kind,
    IncidentStatus Status,
    string Platform,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string Head)
{
    public static IncidentSnapshot Of(Incident s) =>
        new(s.Number, s.Version, s.Title, s.Severity, s.Kind, s.Status, s.Origin.Platform, s.DeclaredAt, s.ResolvedAt, s.ClosedAt, s.Head);
}
