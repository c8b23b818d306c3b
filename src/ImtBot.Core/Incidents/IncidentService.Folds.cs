using ImtBot.Core.Events;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The folded incidents, kept per incident and version: a read whose snapshot is at the version already folded takes
/// the fold as it is, so listings across every incident (<c>actions</c>, training, the insights and drills APIs) replay
/// only the incidents that changed since. The version is the last event's sequence, so a cached fold is never stale.
/// The folds kept are bounded (<see cref="FoldCache"/>): listings over more incidents than it holds replay the rest.
/// </summary>
public sealed partial class IncidentService
{
    private readonly FoldCache _folds = new();

    /// <summary>The incident as of its snapshot's version (or later, if a command landed in between), replayed only if that version was not folded yet.</summary>
    public Incident? Get(IncidentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var cached = _folds.Find(snapshot.Number);
        if (cached is not null && cached.Version >= snapshot.Version)
        {
            return cached;
        }

        var incident = (cached is null ? null : CatchUp(cached)) ?? Replay(store.GetEvents(snapshot.Number));
        if (incident is not null)
        {
            Remember(incident);
        }

        return incident;
    }

    /// <summary>
    /// The cached fold with only the events written since (one range read), folded in memory: a command or a read on an
    /// incident of 10,000 events reads its new events, not all of them. Null when the stored log does not continue the
    /// cached one (then the whole log is read and replayed, as without a cache).
    /// </summary>
    private Incident? CatchUp(Incident cached)
    {
        var newer = store.GetEventsAfter(cached.Number, cached.Version);
        return newer.Count > 0 && newer[0].Sequence == cached.Version + 1 && newer[0].PreviousHash == cached.Head
            ? Incident.Replay(cached.Replayed.Concat(newer))
            : null;
    }

    private static Incident? Replay(IReadOnlyList<IncidentEvent> events) => events.Count == 0 ? null : Incident.Replay(events);

    private void Remember(Incident incident) => _folds.Remember(incident);

    /// <summary>Every incident (open and closed, drills included), folded.</summary>
    public IReadOnlyList<Incident> AllIncidents() =>
        store.ListIncidents(openOnly: false).Select(Get).OfType<Incident>().ToList();
}
