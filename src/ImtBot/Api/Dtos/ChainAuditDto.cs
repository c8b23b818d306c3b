using ImtBot.Core.Events;

namespace ImtBot.Api.Dtos;

/// <summary><c>GET /api/incidents/{n}/audit</c>: whether the incident's hash chain verifies, and where it breaks if not.</summary>
public sealed record ChainAuditDto(bool Valid, int Events, string Head, long? BrokenAt, string? Problem)
{
    public static ChainAuditDto From(ChainVerification v) => new(v.Valid, v.Events, v.Head, v.BrokenAt, v.Problem);
}
