namespace ImtBot.Core.Incidents;

/// <summary>Where an incident is in its lifecycle. The transition table lives in <c>IncidentLifecycle</c>.</summary>
public enum IncidentStatus
{
    Declared,
    Investigating,
    Identified,
    Mitigated,
    Resolved,
    Closed,
    Cancelled,
}
