using ImtBot.Core.Incidents;

namespace ImtBot.Api.Dtos;

/// <summary>A stakeholder update posted for an incident.</summary>
public sealed record StatusUpdateDto(DateTimeOffset At, UserDto By, string Text)
{
    public static StatusUpdateDto From(StatusUpdate u) => new(u.At, UserDto.From(u.By), u.Text);
}
