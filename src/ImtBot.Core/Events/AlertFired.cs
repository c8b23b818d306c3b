using System.Text.Json.Serialization;

namespace ImtBot.Core.Events;

/// <summary>
/// Monitoring says an alert fires (again, after it had resolved, if the incident had it before). Labels are sorted
/// by name so the canonical form is stable.
/// </summary>
public sealed record AlertFired(
    string Integration,
    string Fingerprint,
    string Title,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    string GroupKey,
    DateTimeOffset? StartsAt) : EventData
{
    /// <summary>
    /// The incident type a <c>declare … type &lt;t&gt;</c> route asked for, as written before incident types acted on it.
    /// No longer written (the declaration's <see cref="IncidentDeclared.IncidentType"/> carries the type and picks the
    /// plan); kept so events already logged read and hash as they were. Left out of the canonical JSON when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestedType { get; init; }
}
