using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The first event of every incident: what was declared, where, and the policy and roles snapshotted from configuration.</summary>
public sealed record IncidentDeclared(string Title, int Severity, IncidentKind Kind, ChannelRef Origin, SeverityPolicy Policy, IReadOnlyList<string> Roles, IReadOnlyList<string> KeyRoles, IReadOnlyList<string> Admins, string? Scenario) : EventData;
