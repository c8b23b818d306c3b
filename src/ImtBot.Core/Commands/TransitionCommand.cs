namespace ImtBot.Core.Commands;

/// <summary><c>investigating | identified | mitigated | resolved [note]</c>.</summary>
public sealed record TransitionCommand(Incidents.IncidentStatus Target, string? Note) : Command;
