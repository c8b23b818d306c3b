namespace ImtBot.Core.Incidents;

/// <summary>What moves an incident through its lifecycle; the table is in <see cref="IncidentLifecycle"/>.</summary>
public enum LifecycleTrigger
{
    Investigate,
    Identify,
    Mitigate,
    Resolve,
    Reopen,
    Cancel,
    Close,
}
