using ImtBot.Core.Events;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts;

/// <summary>
/// Which open incident has which alert (by fingerprint and grouping key, and whether it still fires), kept in memory per
/// incident at the version it has read: routing an alert reads the open incidents' snapshots and only the events added
/// since (<see cref="IIncidentQueries.GetEventsAfter"/>), never a whole incident again. Replaying every open incident
/// for each alert made a storm cost more with every alert it added.
/// </summary>
public sealed class IncidentAlertIndex(IIncidentQueries store)
{
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>The open incidents' alerts as of now (the lowest-numbered incident wins a fingerprint or group, as before).</summary>
    public OpenAlerts Current()
    {
        lock (_gate)
        {
            var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);
            var groups = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (number, entry) in CatchUp())
            {
                foreach (var (fingerprint, alert) in entry.Alerts)
                {
                    fingerprints.TryAdd(fingerprint, number);
                    groups.TryAdd(alert.Group, number);
                }
            }

            return new OpenAlerts(fingerprints, groups);
        }
    }

    /// <summary>Whether an open incident has this alert firing.</summary>
    public bool IsFiring(string fingerprint)
    {
        lock (_gate)
        {
            return CatchUp().Any(e => e.Entry.Alerts.TryGetValue(fingerprint, out var a) && a.Firing);
        }
    }

    private List<(int Number, Entry Entry)> CatchUp()
    {
        var open = store.ListIncidents(openOnly: true);
        var live = new List<(int, Entry)>(open.Count);
        foreach (var snapshot in open)
        {
            if (!_entries.TryGetValue(snapshot.Number, out var entry))
            {
                entry = new Entry();
                _entries[snapshot.Number] = entry;
            }

            if (entry.Version < snapshot.Version)
            {
                foreach (var e in store.GetEventsAfter(snapshot.Number, entry.Version))
                {
                    entry.Apply(e);
                }
            }

            live.Add((snapshot.Number, entry));
        }

        if (_entries.Count > live.Count)
        {
            var keep = live.Select(l => l.Item1).ToHashSet();
            foreach (var gone in _entries.Keys.Where(n => !keep.Contains(n)).ToList())
            {
                _entries.Remove(gone);
            }
        }

        return live;
    }

    /// <summary>One incident's alerts in the order they first fired, as <c>Incident.Alerts</c> folds them.</summary>
    private sealed class Entry
    {
        public long Version { get; private set; }

        public Dictionary<string, (string Group, bool Firing)> Alerts { get; } = new(StringComparer.Ordinal);

        public void Apply(IncidentEvent e)
        {
            Version = e.Sequence;
            switch (e.Data)
            {
                case AlertFired d:
                    Alerts[d.Fingerprint] = (d.GroupKey, true);
                    break;
                case AlertResolved d when Alerts.TryGetValue(d.Fingerprint, out var a):
                    Alerts[d.Fingerprint] = a with { Firing = false };
                    break;
            }
        }
    }
}
