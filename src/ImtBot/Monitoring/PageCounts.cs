using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Monitoring;

/// <summary>
/// Pages sent, acknowledged, declined and expired across every incident in the store, read from the incidents
/// themselves on each scrape. An incident is folded again only when its version changed since the last scrape, so a
/// scrape costs one snapshot listing plus the incidents that moved.
/// </summary>
internal sealed class PageCounts(IIncidentQueries store, IIncidentReader reader)
{
    private readonly Dictionary<int, (long Version, Tally Tally)> _seen = [];
    private readonly Lock _gate = new();

    public Tally Count()
    {
        lock (_gate)
        {
            foreach (var snapshot in store.ListIncidents(openOnly: false))
            {
                if (_seen.TryGetValue(snapshot.Number, out var known) && known.Version == snapshot.Version)
                {
                    continue;
                }

                if (reader.Get(snapshot.Number) is { } incident)
                {
                    _seen[snapshot.Number] = (snapshot.Version, Tally.Of(incident.Pages));
                }
            }

            return _seen.Values.Aggregate(new Tally(0, 0, 0, 0), (sum, t) => sum + t.Tally);
        }
    }

    internal sealed record Tally(int Sent, int Acknowledged, int Declined, int Expired)
    {
        public static Tally Of(IReadOnlyList<Page> pages) => new(
            pages.Count,
            pages.Count(p => p.Status == PageStatus.Acknowledged),
            pages.Count(p => p.Status == PageStatus.Declined),
            pages.Count(p => p.Status == PageStatus.Expired));

        public static Tally operator +(Tally a, Tally b) =>
            new(a.Sent + b.Sent, a.Acknowledged + b.Acknowledged, a.Declined + b.Declined, a.Expired + b.Expired);
    }
}
