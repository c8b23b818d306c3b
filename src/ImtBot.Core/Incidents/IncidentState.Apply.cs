using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

public sealed partial class IncidentState
{
    /// <summary>Rebuilds an incident from its events, in order.</summary>
    public static IncidentState Replay(IEnumerable<IncidentEvent> events)
    {
        var state = new IncidentState();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }

    /// <summary>Folds one event into the state.</summary>
    public void Apply(IncidentEvent e)
    {
        Number = e.Incident;
        Version = e.Sequence;
        Head = e.Hash;
    }
}
