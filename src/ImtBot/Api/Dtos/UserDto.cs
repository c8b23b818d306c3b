using ImtBot.Core.Platforms;

namespace ImtBot.Api.Dtos;

/// <summary>A person as the API shows them: <c>{platform, id, name}</c>.</summary>
public sealed record UserDto(string Platform, string Id, string Name)
{
    public static UserDto From(UserRef user) => new(user.Platform, user.Id, user.DisplayName);
}
