using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The on-call list for a role, as set for this incident's escalation.</summary>
public sealed record OnCallListSet(string Role, IReadOnlyList<UserRef> Users) : EventData;
