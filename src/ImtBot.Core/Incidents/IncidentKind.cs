namespace ImtBot.Core.Incidents;

/// <summary>Fixed at declaration. Drills never count in metrics.</summary>
public enum IncidentKind
{
    Normal,
    Drill,
}
