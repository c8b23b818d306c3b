using ImtBot.Core.Insights;
using ImtBot.Core.Reviews;

namespace ImtBot.Api.Dtos;

/// <summary><c>/api/insights</c>: durations are in seconds (null where no incident reached the milestone).</summary>
public sealed record InsightsDto(DateTimeOffset AsOf, InsightsWeekDto[] Weeks, ScenarioScoresDto[] Drills, int OverdueNow)
{
    public static InsightsDto From(InsightsReport r) => new(
        r.AsOf,
        r.Weeks.Select(InsightsWeekDto.From).ToArray(),
        r.Drills.Select(d => new ScenarioScoresDto(d.Scenario, d.Average, d.Runs.Select(x => new DrillResultDto(x.Incident, x.StartedAt, x.Percent, x.Ended)).ToArray())).ToArray(),
        r.OverdueNow)
    {
        Teams = r.Teams.Select(t => new TeamScoresDto(t.Team, t.Average, t.Runs.Select(x => new DrillResultDto(x.Incident, x.StartedAt, x.Percent, x.Ended) { Scenario = x.Scenario }).ToArray())).ToArray(),
    };

    /// <summary>Drill scores per team (<c>Drills:Teams</c>); empty when no team is configured.</summary>
    public TeamScoresDto[] Teams { get; init; } = [];
}

public sealed record InsightsWeekDto(DateOnly Week, int Incidents, SeverityWeekDto[] BySeverity, ProcessWeekDto Process, ActionsWeekDto Actions)
{
    public static InsightsWeekDto From(WeekInsights w) => new(
        w.Week,
        w.Incidents,
        w.BySeverity.Select(s => new SeverityWeekDto(s.Severity, s.Incidents, StatDto.From(s.Detect), StatDto.From(s.Acknowledge), StatDto.From(s.Mitigate), StatDto.From(s.Resolve))).ToArray(),
        new ProcessWeekDto(w.Process.WithoutCommander.TotalSeconds, w.Process.MedianWithoutCommander?.TotalSeconds, w.Process.LateUpdates, w.Process.LongestUpdateGap?.TotalSeconds),
        new ActionsWeekDto(w.Actions.Opened, w.Actions.Done, w.Actions.Overdue));
}

public sealed record SeverityWeekDto(int Severity, int Incidents, StatDto Detect, StatDto Acknowledge, StatDto Mitigate, StatDto Resolve);

public sealed record StatDto(int Count, double? Median, double? P90)
{
    public static StatDto From(DurationStats s) => new(s.Count, s.Median?.TotalSeconds, s.P90?.TotalSeconds);
}

public sealed record ProcessWeekDto(double WithoutCommander, double? MedianWithoutCommander, int LateUpdates, double? LongestUpdateGap);

public sealed record ActionsWeekDto(int Opened, int Done, int Overdue);

public sealed record ScenarioScoresDto(string Scenario, int Average, DrillResultDto[] Runs);

public sealed record DrillResultDto(string Incident, DateTimeOffset StartedAt, int Percent, bool Ended)
{
    /// <summary>The scenario (set in a team's trend, which mixes scenarios).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Scenario { get; init; }
}

public sealed record TeamScoresDto(string Team, int Average, DrillResultDto[] Runs);
