using System.Text.Json.Serialization;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The first event of every incident: what was declared, where, and the policy and roles snapshotted from configuration.</summary>
public sealed record IncidentDeclared(string Title, int Severity, IncidentKind Kind, ChannelRef Origin, SeverityPolicy Policy, IReadOnlyList<string> Roles, IReadOnlyList<string> KeyRoles, IReadOnlyList<string> Admins, string? Scenario) : EventData
{
    /// <summary>
    /// <c>Incidents:PageRounds</c> at declaration: how many times an exhausted on-call list is paged from the top.
    /// Null (and then left out of the canonical JSON, so older events hash as before) means the default, 2.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PageRounds { get; init; }
}
