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

    /// <summary>When the impact began, if recorded (often before <see cref="Declared"/>).</summary>
    public DateTimeOffset? ImpactBegan { get; init; }

    /// <summary>When the problem was detected, if recorded (or, when nobody recorded it, when the first alert came).</summary>
    public DateTimeOffset? Detected { get; init; }

    /// <summary><see cref="Detected"/> is the first alert's time, not a recorded detection.</summary>
    public bool DetectedByAlert { get; init; }

    /// <summary>Impact began to detected; null unless both were recorded.</summary>
    public TimeSpan? TimeToDetect => Detected - ImpactBegan;

    /// <summary>From the start of the impact (the declaration when it was not recorded) to the mitigation.</summary>
    public TimeSpan? ImpactWindow => Mitigated - (ImpactBegan ?? Declared);

    public TimeSpan? TimeToAcknowledge => Since(Acknowledged);

    public TimeSpan? TimeToMitigate => Since(Mitigated);

    public TimeSpan? TimeToResolve => Since(Resolved);

    /// <summary>Declared to closed (or cancelled); null while the incident is open.</summary>
    public TimeSpan? Total => Since(Closed ?? Cancelled);

    private TimeSpan? Since(DateTimeOffset? at) => at - Declared;
}
