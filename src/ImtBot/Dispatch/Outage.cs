using System.Collections.Concurrent;

namespace ImtBot.Dispatch;

/// <summary>
/// One run of transient faults from a platform: since when, which incidents had steps held back by it, and whether
/// their commanders were told (once per outage, and once more when it ends).
/// </summary>
internal sealed class Outage(DateTimeOffset since)
{
    private int _told;

    public DateTimeOffset Since { get; } = since;

    public ConcurrentDictionary<int, byte> Incidents { get; } = new();

    public bool Told => Volatile.Read(ref _told) == 1;

    /// <summary>True for the one caller that gets to tell.</summary>
    public bool TryMarkTold() => Interlocked.Exchange(ref _told, 1) == 0;
}
