namespace ImtBot.Api.Dtos;

/// <summary>One role one person held in a drill or an incident.</summary>
public sealed record TrainingEntryDto(UserDto Person, string Role, string Incident, bool Drill, string? Scenario, DateTimeOffset From, DateTimeOffset? To);

/// <summary>Someone on call who has not practised their role in a drill within <c>Drills:PracticeEvery</c>.</summary>
public sealed record PracticeDueDto(UserDto Person, string Role, DateTimeOffset? LastPractised);

/// <summary><c>/api/training</c>.</summary>
public sealed record TrainingDto(TrainingEntryDto[] Entries, PracticeDueDto[] Due, double PracticeEveryDays);

/// <summary>One run of a scenario and its score.</summary>
public sealed record DrillRunDto(string Incident, DateTimeOffset Started, DateTimeOffset? Ended, int Percent, double Points, int MaxPoints, UserDto Facilitator)
{
    /// <summary>The scenario it ran (a team's trend mixes scenarios).</summary>
    public string? Scenario { get; init; }
}

/// <summary>The drills a team took part in (a member held a role), in date order: its score trend.</summary>
public sealed record TeamTrendDto(string Team, string[] Members, DrillRunDto[] Runs);

/// <summary>The runs of one scenario in date order: its score trend.</summary>
public sealed record DrillTrendDto(string Scenario, string Title, DrillRunDto[] Runs);
