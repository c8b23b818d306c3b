namespace ImtBot.Api.Dtos;

/// <summary>A role of an incident and who holds it since when (both null while it is vacant).</summary>
public sealed record RoleDto(string Role, UserDto? Holder, DateTimeOffset? Since);
