using System.Collections.Concurrent;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Folded incidents kept in memory, bounded by the events they hold (a fold keeps its events: the decider reads them):
/// past the event budget the least recently used folds are dropped, down to three quarters of it, so a storm of
/// new incidents neither grows the heap without end (every fold kept, 1.2 GB after 170,000 declarations, and the GC's
/// work with it) nor evicts one fold per declaration. A dropped fold is replayed from the store when next needed.
/// </summary>
internal sealed class FoldCache(long eventBudget = FoldCache.DefaultEventBudget)
{
    /// <summary>A few MB of folds: some 700 small incidents (every open incident of a busy organisation), or one incident of 10,000 events and hundreds of small ones.</summary>
    public const long DefaultEventBudget = 20_000;

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private long _events;
    private long _clock;
    private int _evicting;

    /// <summary>The events the kept folds hold now.</summary>
    public long Events => Interlocked.Read(ref _events);

    public int Count => _entries.Count;

    /// <summary>The kept fold of an incident (now the most recently used), or null.</summary>
    public Incident? Find(int number)
    {
        if (!_entries.TryGetValue(number, out var entry))
        {
            return null;
        }

        Volatile.Write(ref entry.Used, Interlocked.Increment(ref _clock));
        return entry.Incident;
    }

    /// <summary>Keeps a fold (never changed after this: readers share it) unless a later version is kept already.</summary>
    public void Remember(Incident incident)
    {
        var fresh = new Entry(incident, Interlocked.Increment(ref _clock));
        while (true)
        {
            if (_entries.TryGetValue(incident.Number, out var old))
            {
                if (old.Incident.Version > incident.Version)
                {
                    return;
                }

                if (_entries.TryUpdate(incident.Number, fresh, old))
                {
                    Interlocked.Add(ref _events, Weight(incident) - Weight(old.Incident));
                    break;
                }
            }
            else if (_entries.TryAdd(incident.Number, fresh))
            {
                Interlocked.Add(ref _events, Weight(incident));
                break;
            }
        }

        if (Events > eventBudget)
        {
            Evict();
        }
    }

    private void Evict()
    {
        if (Interlocked.Exchange(ref _evicting, 1) == 1)
        {
            return; // another thread is evicting already
        }

        try
        {
            // Again while folds added during a pass (not in its snapshot) keep the total over the budget; a few passes
            // at most, so a burst of adds cannot keep one request evicting for ever.
            for (var pass = 0; pass < 4 && Events > eventBudget; pass++)
            {
                EvictOnce(eventBudget * 3 / 4);
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }

    private void EvictOnce(long target)
    {
        // ToArray is the dictionary's own snapshot (under its locks); enumerating it into LINQ's sort instead copies
        // while other threads add, and throws when an add lands mid-copy.
        foreach (var (number, entry) in _entries.ToArray().OrderBy(e => Volatile.Read(ref e.Value.Used)))
        {
            if (Events <= target)
            {
                return;
            }

            // Only the entry seen: a newer fold kept meanwhile stays.
            if (_entries.TryRemove(new KeyValuePair<int, Entry>(number, entry)))
            {
                Interlocked.Add(ref _events, -Weight(entry.Incident));
            }
        }
    }

    /// <summary>
    /// A fold's weight in events: its events (its version), and what the fold itself holds whatever its length — its
    /// plan's tasks, roles, clocks and indexes, ~8 KB, as much as ~25 events (a heap dump of 6,244 two-event folds: ~8 KB
    /// each, against ~300 bytes an event). Counted as one, two-event incidents filled the budget 6,000 at a time.
    /// </summary>
    internal static long Weight(Incident incident) => incident.Version + FoldOverhead;

    /// <summary>What a fold holds besides its events, in events' worth.</summary>
    private const long FoldOverhead = 25;

    private sealed class Entry(Incident incident, long used)
    {
        public readonly Incident Incident = incident;
        public long Used = used;
    }
}
