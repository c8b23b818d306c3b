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

    /// <summary>
    /// The incident type given at declaration (<c>declare … type &lt;name&gt;</c>, a drill scenario, an alert route); null
    /// (left out of the canonical JSON) for incidents declared before types existed. Not named <c>Type</c>: that is the
    /// event discriminator's name.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IncidentType { get; init; }

    /// <summary>The response plan snapshotted for the type at declaration (later edits of its file never change it); null: none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Plans.ResponsePlan? Plan { get; init; }

    /// <summary>
    /// <c>declare … private</c>: only its participants and admins see its timeline, review and evidence; announcements
    /// name its number and severity only. Null (left out of the canonical JSON, so older events hash as before): public.
    /// No event turns it public: the declaration is the one place it is set.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Private { get; init; }
}
