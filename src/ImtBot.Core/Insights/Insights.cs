using ImtBot.Core.Drills;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Insights;

/// <summary>
/// The numbers of the insights page, from the incidents' own events: each incident is read through the review's
/// model (<see cref="ReviewModel"/>: the same milestones, durations and adherence the review prints) and each drill
/// through its score card (<see cref="DrillScore"/>). Pure: the caller passes the events and the time.
/// </summary>
public static class Insights
{
    public const int DefaultWeeks = 12;

    public const int MaxWeeks = 104;

    public static InsightsReport Compute(IEnumerable<IReadOnlyList<IncidentEvent>> incidents, DateTimeOffset asOf, int weeks = DefaultWeeks) =>
        Compute(incidents.Where(e => e.Count > 0 && e[0].Data is IncidentDeclared).Select(Incident.Replay), asOf, weeks);

    /// <summary>As above, from incidents already folded (the host keeps the folds per version, so unchanged incidents are not replayed).</summary>
    public static InsightsReport Compute(IEnumerable<Incident> incidents, DateTimeOffset asOf, int weeks = DefaultWeeks, IReadOnlyDictionary<string, IReadOnlySet<string>>? teams = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);

        var declared = incidents.Where(i => i.Replayed.Count > 0 && i.Replayed[0].Data is IncidentDeclared).ToList();
        var models = declared.Select(i => ReviewModel.From(i, asOf)).ToList();
        var real = models.Where(m => !m.IsDrill).ToList();
        var actions = real.SelectMany(m => m.Actions).ToList();

        var thisWeek = WeekOf(asOf);
        var first = thisWeek.AddDays(-7 * (weeks - 1));
        var rows = Enumerable.Range(0, weeks).Select(i => first.AddDays(7 * i))
            .Select(week => Week(week, real.Where(m => WeekOf(m.Milestones.Declared) == week).ToList(), actions, asOf))
            .ToList();

        var runs = declared.Where(i => i.Drill is not null && i.Scenario is not null)
            .Select(i => (Incident: i, Result: new DrillResult(i.Key, i.Drill!.StartedAt, DrillScore.Of(i.Drill, asOf, ended: false).Percent, !i.Drill.IsRunning) { Scenario = i.Scenario }))
            .ToList();
        var drills = runs
            .GroupBy(d => d.Incident.Scenario!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScenarioScores(g.Key, g.Select(d => d.Result).OrderBy(r => r.StartedAt).ToList()))
            .ToList();
        var byTeam = DrillTeams.Trends(runs, teams);

        return new InsightsReport(asOf, rows, drills, actions.Count(a => Overdue(a, asOf))) { Teams = byTeam };
    }

    /// <summary>The Monday (UTC) that starts the week of <paramref name="at"/>.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static WeekInsights Week(DateOnly week, IReadOnlyList<ReviewModel> declared, IReadOnlyList<ReviewAction> actions, DateTimeOffset asOf)
    {
        var start = new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(7);
        var cut = end < asOf ? end : asOf;

        var bySeverity = declared.GroupBy(m => m.PeakSeverity).OrderBy(g => g.Key).Select(g => new SeverityWeek(
            g.Key,
            g.Count(),
            DurationStats.Of(g.Select(m => m.Milestones.TimeToDetect).OfType<TimeSpan>()),
            DurationStats.Of(g.Select(m => m.Milestones.TimeToAcknowledge).OfType<TimeSpan>()),
            DurationStats.Of(g.Select(m => m.Milestones.TimeToMitigate).OfType<TimeSpan>()),
            DurationStats.Of(g.Select(m => m.Milestones.TimeToResolve).OfType<TimeSpan>()))).ToList();

        var without = declared.Select(m => m.Adherence.WithoutCommander).ToList();
        var gaps = declared.SelectMany(m => m.Adherence.UpdateGaps).ToList();
        var process = new ProcessWeek(
            without.Aggregate(TimeSpan.Zero, (sum, t) => sum + t),
            DurationStats.Of(without).Median,
            gaps.Count(g => g.Late),
            gaps.Count == 0 ? null : gaps.Max(g => g.Length));

        var opened = actions.Count(a => a.AddedAt >= start && a.AddedAt < end);
        var done = actions.Count(a => a.DoneAt is { } d && d >= start && d < end);
        var overdue = start > asOf ? 0 : actions.Count(a => a.AddedAt < cut && Overdue(a, cut));
        return new WeekInsights(week, declared.Count, bySeverity, process, new ActionsWeek(opened, done, overdue));
    }

    /// <summary>Open (not done, not cancelled) at <paramref name="at"/> and due before that day.</summary>
    private static bool Overdue(ReviewAction a, DateTimeOffset at) =>
        a.Due is { } due && due < DateOnly.FromDateTime(at.UtcDateTime)
        && (a.DoneAt is null || a.DoneAt > at)
        && (a.CancelledAt is null || a.CancelledAt > at);
}
