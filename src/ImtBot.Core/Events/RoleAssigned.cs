using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The user now holds the role (they acknowledged the page, or took it themselves).</summary>
public sealed record RoleAssigned(string Role, UserRef User) : EventData;
