using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A lifecycle move (including reopen, cancel and close).</summary>
public sealed record StatusChanged(IncidentStatus From, IncidentStatus To, string? Note) : EventData;
