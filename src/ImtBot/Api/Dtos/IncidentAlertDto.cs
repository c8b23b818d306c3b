using ImtBot.Core.Incidents;

namespace ImtBot.Api.Dtos;

/// <summary>One alert of an incident: whether it still fires, how often it was sent, its labels and links.</summary>
public sealed record IncidentAlertDto(
    string Fingerprint,
    string Integration,
    string Title,
    bool Firing,
    int Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links)
{
    public static IncidentAlertDto From(AlertEntry a) =>
        new(a.Fingerprint, a.Integration, a.Title, a.Firing, a.Count, a.FirstAt, a.LastAt, a.ResolvedAt, a.Labels, a.Links);
}

/// <summary>The alerts of an incident, when the first arrived (its detection time) and its type (a declare route may set it).</summary>
public sealed record IncidentAlertsDto(string Key, DateTimeOffset? FirstAlertAt, string Type, IncidentAlertDto[] Alerts);
