using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Hands out incident numbers to declarations in this process without making concurrent declarations conflict on
/// "max + 1": one process owns the database (the store's lock file), so an in-memory counter seeded from the store
/// is exact. A number given back by a declaration that did not commit is reused when nothing was reserved after it.
/// If the store ever knows a higher number (a conflict), the counter catches up before the retry reserves again.
/// </summary>
internal sealed class IncidentNumbers(IIncidentStore store)
{
    private readonly Lock _gate = new();
    private int _last = -1;

    public int Reserve()
    {
        lock (_gate)
        {
            _last = Math.Max(_last, store.NextIncidentNumber() - 1);
            return ++_last;
        }
    }

    /// <summary>Gives a reserved number back (0 = none was reserved).</summary>
    public void Release(int number)
    {
        if (number == 0)
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
