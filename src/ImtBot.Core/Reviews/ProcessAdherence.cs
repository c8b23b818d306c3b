namespace ImtBot.Core.Reviews;

/// <summary>
/// How the response kept to the process, measured over active time only (Declared, Investigating, Identified, Mitigated;
/// the clock stops at Resolved, Closed or Cancelled and restarts on a reopen). <see cref="MissedPages"/> are the pages
/// that expired unanswered: a decline is an answer, not a miss.
/// </summary>
public sealed record ProcessAdherence(
    TimeSpan WithoutCommander,
    IReadOnlyList<RoleVacancy> KeyRoles,
    IReadOnlyList<UpdateGap> UpdateGaps,
    IReadOnlyList<ReviewPage> MissedPages)
{
    /// <summary>The longest stretch without an update (null when the incident was never active).</summary>
    public UpdateGap? LongestUpdateGap => UpdateGaps.Count == 0 ? null : UpdateGaps.MaxBy(g => g.Length);

    /// <summary>Stretches longer than the cadence in force when they began.</summary>
    public int LateUpdates => UpdateGaps.Count(g => g.Late);
}
