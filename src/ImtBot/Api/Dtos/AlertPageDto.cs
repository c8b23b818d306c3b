using ImtBot.Core.Alerts.Pages;

namespace ImtBot.Api.Dtos;

/// <summary>An alert page as the API shows it: the alert, its state, who acknowledged, silenced or declared it and when, its pages and history.</summary>
public sealed record AlertPageDto(
    string Key,
    string State,
    string Integration,
    string Fingerprint,
    string Title,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    string Role,
    int Count,
    bool Firing,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? SilencedUntil,
    string? SilencedBy,
    string? Incident,
    string? DeclaredBy,
    AlertPagePageDto[] Pages,
    AlertPageEntryDto[] History)
{
    public static AlertPageDto From(AlertPage p, DateTimeOffset now) => new(
        p.Key,
        p.State.ToString(),
        p.Integration,
        p.Fingerprint,
        p.Title,
        p.Labels,
        p.Links,
        p.Role,
        p.Count,
        p.Firing,
        p.OpenedAt,
        p.ResolvedAt,
        p.AcknowledgedBy?.Id,
        p.AcknowledgedAt,
        p.IsSilenced(now) ? p.SilencedUntil : null,
        p.IsSilenced(now) ? p.SilencedBy?.Id : null,
        p.Incident is { } n ? Core.Incidents.IncidentKey.Format(n) : null,
        p.DeclaredBy?.Id,
        [.. p.Pages.Select(x => new AlertPagePageDto(x.Id, x.To.Id, x.Round, x.Status.ToString(), x.SentAt, x.Deadline, x.AnsweredAt))],
        [.. p.History.Select(h => new AlertPageEntryDto(h.At, h.Actor.Id, h.Type, h.Text))]);
}

/// <summary>One page of an alert page: to whom, which round, and what became of it.</summary>
public sealed record AlertPagePageDto(string Id, string To, int Round, string Status, DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? AnsweredAt);

/// <summary>One line of an alert page's history: when, who, what.</summary>
public sealed record AlertPageEntryDto(DateTimeOffset At, string Actor, string Type, string Text);
