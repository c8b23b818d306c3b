using ImtBot.Core.Incidents;

namespace ImtBot.Api.Dtos;

/// <summary>A page sent for an incident and what became of it.</summary>
public sealed record PageDto(string Id, UserDto To, string? Role, string Status, DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? AnsweredAt)
{
    public static PageDto From(Page p) => new(p.Id, UserDto.From(p.To), p.Role, p.Status.ToString(), p.SentAt, p.Deadline, p.AnsweredAt);
}
