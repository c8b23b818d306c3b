namespace ImtBot.Core.Insights;

/// <summary>The insights page: the last weeks, oldest first, drill scores per scenario, and the actions overdue now.</summary>
public sealed record InsightsReport(DateTimeOffset AsOf, IReadOnlyList<WeekInsights> Weeks, IReadOnlyList<ScenarioScores> Drills, int OverdueNow)
{
    /// <summary>Drill scores per team (<c>Drills:Teams</c>): the drills in which a member held a role; empty without teams.</summary>
    public IReadOnlyList<TeamScores> Teams { get; init; } = [];
}
