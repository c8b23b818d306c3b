using System.Text.Json.Serialization;

namespace ImtBot.Core.Incidents;

/// <summary>
/// One severity's policy, snapshotted into each incident at declaration so that later configuration edits never
/// rewrite history. A null duration means "never" (for example SEV4 has no update cadence).
/// </summary>
public sealed record SeverityPolicy
{
    public int Level { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan? UpdateCadence { get; init; }
    public TimeSpan? CommanderReminder { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan? RoleReminder { get; init; } = TimeSpan.FromMinutes(10);
    public bool ReviewRequired { get; init; } = true;

    /// <summary>
    /// Roles whose on-call list is paged as soon as an incident of this severity is declared (who must be paged),
    /// e.g. <c>["commander"]</c> for SEV1. Null (the default, and then left out of the canonical JSON) pages nobody.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? PageOnDeclare { get; init; }

    /// <summary>
    /// How soon after the close the review meeting should have finished the review (SEV1 3 days, SEV2 5 days by
    /// default); the commander is reminded then if it still has empty sections. Null (left out of the canonical JSON, so
    /// older snapshots hash as before) means no reminder.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? ReviewWithin { get; init; }
}
