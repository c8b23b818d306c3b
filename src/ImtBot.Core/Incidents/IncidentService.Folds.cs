using System.Collections.Concurrent;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The folded incidents, kept per incident and version: a read whose snapshot is at the version already folded takes
/// the fold as it is, so listings across every incident (<c>actions</c>, training, the insights and drills APIs) replay
/// only the incidents that changed since. The version is the last event's sequence, so a cached fold is never stale.
/// </summary>
public sealed partial class IncidentService
{
    private readonly ConcurrentDictionary<int, Incident> _folds = new();

    /// <summary>The incident as of its snapshot's version (or later, if a command landed in between), replayed only if that version was not folded yet.</summary>
    public Incident? Get(IncidentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_folds.TryGetValue(snapshot.Number, out var cached) && cached.Version >= snapshot.Version)
        {
            return cached;
        }

        var events = store.GetEvents(snapshot.Number);
        if (events.Count == 0)
        {
            return null;
        }

        var incident = Incident.Replay(events);
        _folds.AddOrUpdate(snapshot.Number, incident, (_, old) => old.Version > incident.Version ? old : incident);
        return incident;
    }

    /// <summary>Every incident (open and closed, drills included), folded.</summary>
    public IReadOnlyList<Incident> AllIncidents() =>
        store.ListIncidents(openOnly: false).Select(Get).OfType<Incident>().ToList();
}
