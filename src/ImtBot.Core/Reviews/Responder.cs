using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>Someone who took part: first seen in the log, the roles they held, how many events they wrote.</summary>
public sealed record Responder(UserRef User, DateTimeOffset FirstSeen, IReadOnlyList<string> Roles, int Events);
