using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Hands out incident numbers to declarations in this process without making concurrent declarations conflict on
/// "max + 1": one process owns the database (the store's lock file), so an in-memory counter seeded from the store
/// is exact. A number given back by a declaration that did not commit is reused when nothing was reserved after it.
/// The store is read once, at the first reservation, not per declaration (that read, under the lock, serialised every
/// declaration behind a database query): if the store ever knows a higher number (a declaration's commit conflicted,
/// see <see cref="Resync"/>), the counter catches up before the retry reserves again.
/// A store shared by several processes (<see cref="IIncidentNumberSequence"/>) numbers every declaration itself.
/// </summary>
internal sealed class IncidentNumbers(IIncidentLog store)
{
    private readonly Lock _gate = new();
    private int _last = -1;
    private bool _stale = true;

    public int Reserve()
    {
        if (store is IIncidentNumberSequence sequence)
        {
            return sequence.ReserveIncidentNumber();
        }

        lock (_gate)
        {
            if (_stale)
            {
                _last = Math.Max(_last, store.NextIncidentNumber() - 1);
                _stale = false;
            }

            return ++_last;
        }
    }

    /// <summary>A new incident's commit conflicted (its number exists): read the store's next number before the next reservation.</summary>
    public void Resync()
    {
        lock (_gate)
        {
            _stale = true;
        }
    }

    /// <summary>Gives a reserved number back (0 = none was reserved).</summary>
    public void Release(int number)
    {
        if (number == 0 || store is IIncidentNumberSequence)
        {
            return;
        }

        lock (_gate)
        {
            if (_last == number)
            {
                _last--;
            }
        }
    }
}
