namespace ImtBot.Core.Insights;

/// <summary>The scores of every run of one drill scenario, oldest first, and their average.</summary>
public sealed record ScenarioScores(string Scenario, IReadOnlyList<DrillResult> Runs)
{
    public int Average => Runs.Count == 0 ? 0 : (int)Math.Round(Runs.Average(r => r.Percent), MidpointRounding.AwayFromZero);
}

/// <summary>One drill's score card as a percentage; a running drill counts what was reached so far.</summary>
public sealed record DrillResult(string Incident, DateTimeOffset StartedAt, int Percent, bool Ended)
{
    /// <summary>The scenario the drill ran (shown in a team's trend, which mixes scenarios).</summary>
    public string? Scenario { get; init; }
}
