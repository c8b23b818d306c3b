namespace ImtBot.Core.Reviews;

/// <summary>
/// The incident's milestones and the durations between them, exact to the tick (rendered to the second).
/// Acknowledged is the first time the lead role was held or any page was acknowledged; mitigated is the first move to
/// Mitigated or Resolved, whichever came first; resolved is the last move to Resolved
/// that was not followed by a reopen.
/// </summary>
public sealed record Milestones(
    DateTimeOffset Declared,
    DateTimeOffset? Acknowledged,
    DateTimeOffset? Mitigated,
    DateTimeOffset? Resolved,
    DateTimeOffset? Closed,
    DateTimeOffset? Cancelled)
{
    public TimeSpan? TimeToAcknowledge => Since(Acknowledged);

    public TimeSpan? TimeToMitigate => Since(Mitigated);

    public TimeSpan? TimeToResolve => Since(Resolved);

    /// <summary>Declared to closed (or cancelled); null while the incident is open.</summary>
    public TimeSpan? Total => Since(Closed ?? Cancelled);

    private TimeSpan? Since(DateTimeOffset? at) => at - Declared;
}
