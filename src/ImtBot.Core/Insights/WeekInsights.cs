using ImtBot.Core.Reviews;

namespace ImtBot.Core.Insights;

/// <summary>
/// One week (Monday 00:00 UTC to the next) of incidents declared in it: how many, how fast per severity, how well the
/// process was followed, and the follow-up actions opened, done and overdue.
/// </summary>
public sealed record WeekInsights(
    DateOnly Week,
    int Incidents,
    IReadOnlyList<SeverityWeek> BySeverity,
    ProcessWeek Process,
    ActionsWeek Actions);

/// <summary>
/// Median and p90 (nearest rank, as in the review metrics) of the times to detect, acknowledge, mitigate and resolve of
/// one severity's incidents declared in a week. Severity is the peak the incident reached.
/// </summary>
public sealed record SeverityWeek(int Severity, int Incidents, DurationStats Detect, DurationStats Acknowledge, DurationStats Mitigate, DurationStats Resolve);

/// <summary>
/// Process adherence of a week's incidents: time without a commander (total and the median per incident), status
/// update gaps longer than the severity's cadence, and the longest update gap.
/// </summary>
public sealed record ProcessWeek(TimeSpan WithoutCommander, TimeSpan? MedianWithoutCommander, int LateUpdates, TimeSpan? LongestUpdateGap);

/// <summary>
/// Follow-up actions of every incident: opened and done in the week (whatever the incident's week), and open past
/// their due date at the week's end (or now, for the current week).
/// </summary>
public sealed record ActionsWeek(int Opened, int Done, int Overdue);
