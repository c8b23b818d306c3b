using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>Who holds a role, since when. A vacant role has no entry.</summary>
public sealed record RoleHolder(string Role, UserRef User, DateTimeOffset Since);
