using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The user no longer holds the role.</summary>
public sealed record RoleReleased(string Role, UserRef User, string? Reason) : EventData;
