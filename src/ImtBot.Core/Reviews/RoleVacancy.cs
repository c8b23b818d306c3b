namespace ImtBot.Core.Reviews;

/// <summary>How long a key role had no holder while the incident was active.</summary>
public sealed record RoleVacancy(string Role, TimeSpan Empty);
