using System.Collections.Concurrent;
using ImtBot.Core.Ports;

namespace ImtBot.Dispatch;

/// <summary>
/// The dispatcher's view of each platform: an outage starts at a transient fault (a Retry that is not a deferral, or
/// a throw) and ends at the platform's next answer, success or permanent error (docs/reliability.md §Outages).
/// </summary>
public sealed class PlatformHealth : IPlatformHealth
{
    private readonly ConcurrentDictionary<string, Outage> _outages = new(StringComparer.Ordinal);

    public DateTimeOffset? FailingSince(string platform) => _outages.TryGetValue(platform, out var outage) ? outage.Since : null;

    /// <summary>Records a fault of a step of <paramref name="incident"/>; returns the outage it belongs to.</summary>
    internal Outage Failed(string platform, int incident, DateTimeOffset now)
    {
        var outage = _outages.GetOrAdd(platform, _ => new Outage(now));
        outage.Incidents.TryAdd(incident, 0);
        return outage;
    }

    /// <summary>The platform answered: ends its outage, if any, and returns it.</summary>
    internal Outage? Answered(string platform) => _outages.TryRemove(platform, out var outage) ? outage : null;
}
