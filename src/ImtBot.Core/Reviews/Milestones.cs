namespace ImtBot.Core.Reviews;

/// <summary>
/// The incident's milestones and the durations between them, exact to the tick (rendered to the second).
/// Acknowledged is the first page acknowledged, or the lead role taken by someone other than the declarer (the declarer
/// taking command is not an acknowledgement: they were there already); mitigated is the first move to
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
    /// <summary>When the lead role was first held (by anyone, the declarer included).</summary>
    public DateTimeOffset? Commanded { get; init; }

    public TimeSpan? TimeToCommander => Since(Commanded);

    public TimeSpan? TimeToAcknowledge => Since(Acknowledged);

    public TimeSpan? TimeToMitigate => Since(Mitigated);

    public TimeSpan? TimeToResolve => Since(Resolved);

    /// <summary>Declared to closed (or cancelled); null while the incident is open.</summary>
    public TimeSpan? Total => Since(Closed ?? Cancelled);

    private TimeSpan? Since(DateTimeOffset? at) => at - Declared;
}
