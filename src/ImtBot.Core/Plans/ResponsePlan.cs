namespace ImtBot.Core.Plans;

/// <summary>
/// A standard response plan for a kind of incident: which incidents it applies to and its tasks by phase. Snapshotted
/// into an incident when it is adopted, so editing the file never rewrites a past incident.
/// </summary>
/// <param name="Types">The incident types it applies to (<c>declare … type &lt;name&gt;</c>); its id is always one.</param>
/// <param name="MinSeverity">The most severe level it applies to (1 = SEV1); null: any.</param>
/// <param name="MaxSeverity">The least severe level it applies to; null: any.</param>
/// <param name="Source">The file it came from and a hash of its text, so a review can say which version ran.</param>
public sealed record ResponsePlan(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Types,
    int? MinSeverity,
    int? MaxSeverity,
    IReadOnlyList<PlanTask> Tasks,
    string? Source = null)
{
    public const string DefaultId = "default";

    /// <summary>The plan used when no <c>default</c> file exists: no tasks, so nothing blocks.</summary>
    public static ResponsePlan Empty { get; } = new(DefaultId, "No plan", "No response plan is configured.", [DefaultId], null, null, []);

    /// <summary>Same content (records compare lists by reference, and a snapshot read back from the log has new lists).</summary>
    public bool SameAs(ResponsePlan? other) =>
        other is not null && Id == other.Id && Title == other.Title && Description == other.Description && Source == other.Source
        && MinSeverity == other.MinSeverity && MaxSeverity == other.MaxSeverity
        && Types.SequenceEqual(other.Types) && Tasks.SequenceEqual(other.Tasks);

    public bool AppliesTo(string type) =>
        string.Equals(Id, type, StringComparison.OrdinalIgnoreCase) || Types.Contains(type, StringComparer.OrdinalIgnoreCase);

    public bool Covers(int severity) => (MinSeverity is not { } min || severity >= min) && (MaxSeverity is not { } max || severity <= max);
}
