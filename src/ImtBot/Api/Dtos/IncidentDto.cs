using ImtBot.Core.Incidents;

namespace ImtBot.Api.Dtos;

/// <summary>One incident as <c>GET /api/incidents/{n}</c> shows it: its state folded from the events.</summary>
public sealed record IncidentDto(
    int Number,
    string Key,
    string Title,
    string? Summary,
    string? Impact,
    int Severity,
    string Kind,
    string State,
    string Platform,
    UserDto DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? MitigatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RoleDto> Roles,
    IReadOnlyList<PageDto> Pages,
    IReadOnlyList<StatusUpdateDto> Updates,
    IReadOnlyList<ActionItemDto> Actions,
    long Version,
    string Head)
{
    public static IncidentDto From(Incident s) => new(
        s.Number,
        s.Key,
        s.Title,
        s.Summary,
        s.Impact,
        s.Severity,
        s.Kind.ToString(),
        s.Status.ToString(),
        s.Origin.Platform,
        UserDto.From(s.DeclaredBy),
        s.DeclaredAt,
        s.AcknowledgedAt,
        s.MitigatedAt,
        s.ResolvedAt,
        s.ClosedAt,
        [.. s.RoleNames.Select(r => s.Roles.TryGetValue(r, out var h) ? new RoleDto(r, UserDto.From(h.User), h.Since) : new RoleDto(r, null, null))],
        [.. s.Pages.Select(PageDto.From)],
        [.. s.Updates.Select(StatusUpdateDto.From)],
        [.. s.Actions.Select(ActionItemDto.From)],
        s.Version,
        s.Head);
}
