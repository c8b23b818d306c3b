using ImtBot.Core.Incidents;

namespace ImtBot.Api.Dtos;

/// <summary>A follow-up action of an incident.</summary>
public sealed record ActionItemDto(int Id, string Text, UserDto? Owner, DateOnly? Due, bool Done)
{
    public static ActionItemDto From(ActionItem a) => new(a.Id, a.Text, a.Owner is null ? null : UserDto.From(a.Owner), a.Due, a.Done);
}
