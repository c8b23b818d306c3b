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
}
