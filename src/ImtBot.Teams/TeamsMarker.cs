namespace ImtBot.Teams;

/// <summary>Registered by <c>AddTeams</c> when Teams is configured; <c>MapTeams</c> maps the endpoint only then.</summary>
internal sealed class TeamsMarker;
