using System.Collections.Concurrent;
using System.Net;

namespace ImtBot.Teams.Connector;

/// <summary>
/// Keeps requests per key (a conversation, a team) under several sliding windows at once, on a <see cref="TimeProvider"/>.
/// Callers for one key go one at a time, in arrival order, and each waits until every window has room. A request is
/// counted at the moment its lease is released, i.e. after its answer arrived: that is never earlier than when the
/// service saw it, so network delays cannot make the service count more than the limit in any window. An outbox step
/// whose turn is further off than <see cref="TeamsPacing.Patience"/> is not made to wait: the turn is kept for it
/// (counted in the windows as if sent then, so later callers queue behind it), and it is told to come back at it.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time, IReadOnlyList<WindowLimit> limits, int queueLimit, string what, TeamsPacing? pacing = null)
{
    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);
    private readonly TimeSpan longest = limits.Max(l => l.Window);
    private readonly TimeSpan patience = (pacing ?? new TeamsPacing()).Patience;

    public IReadOnlyList<WindowLimit> Limits => limits;

    /// <summary>Waits for a turn; dispose the lease once the request has been answered (or failed).</summary>
    /// <exception cref="ConnectorPacedException">An outbox step's turn is too far off: it comes back then.</exception>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var partition = partitions.GetOrAdd(key, _ => new Partition());
        if (Interlocked.Increment(ref partition.Queued) > queueLimit)
        {
            Interlocked.Decrement(ref partition.Queued);
            throw new ConnectorException($"too many queued requests for one {what}", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5));
        }

        var step = TeamsPacing.Step;
        var entered = false;
        try
        {
            await partition.Gate.WaitAsync(cancellationToken);
            entered = true;
            var turnCame = false;
            while (true)
            {
                var now = time.GetUtcNow();
                TimeSpan? wait;
                if (!turnCame && partition.TurnOf(step) is { } turn)
                {
                    if (turn <= now)
                    {
                        // Its kept turn has come (or passed while it waited to be run): it goes ahead of later kept
                        // turns, as soon as what was already sent allows.
                        partition.Redeem(step!);
                        turnCame = true;
                        continue;
                    }

                    wait = turn - now;
                }
                else
                {
                    wait = partition.WaitBeforeNext(now, limits, longest, behindKeptTurns: !turnCame);
                }

                if (wait is not { } due)
                {
                    break;
                }

                if (step is not null && due > patience)
                {
                    partition.Keep(step, now + due);
                    throw new ConnectorPacedException(what, due);
                }

                await Task.Delay(due, time, cancellationToken);
            }

            return new Lease(this, partition);
        }
        catch
        {
            if (entered)
            {
                partition.Gate.Release();
            }

            Interlocked.Decrement(ref partition.Queued);
            throw;
        }
    }

    private void Release(Partition partition)
    {
        partition.Record(time.GetUtcNow());
        Interlocked.Decrement(ref partition.Queued);
        partition.Gate.Release();
        if (partitions.Count > 10_000)
        {
            Sweep();
        }
    }

    /// <summary>Forgets keys with nothing queued and nothing sent within the longest window (conversations come and go).</summary>
    private void Sweep()
    {
        var before = time.GetUtcNow() - longest;
        foreach (var (key, p) in partitions)
        {
            if (Volatile.Read(ref p.Queued) == 0 && p.LastSent < before)
            {
                partitions.TryRemove(new KeyValuePair<string, Partition>(key, p));
            }
        }
    }

    /// <summary>One key's requests: sent ones and kept turns, in time order (read and written under <see cref="Gate"/>).</summary>
    private sealed class Partition
    {
        private readonly List<DateTimeOffset> sent = [];
        private readonly Dictionary<string, DateTimeOffset> kept = new(StringComparer.Ordinal);

        public int Queued;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastSent { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>
        /// How long to wait before the next request fits every window, or null when it fits now. Behind kept turns, it
        /// goes after the last of them; otherwise it is measured against the requests sent by now alone.
        /// </summary>
        public TimeSpan? WaitBeforeNext(DateTimeOffset now, IReadOnlyList<WindowLimit> limits, TimeSpan longest, bool behindKeptTurns)
        {
            sent.RemoveAll(t => t <= now - longest);
            foreach (var (unused, _) in kept.Where(k => k.Value <= now - longest).ToList())
            {
                kept.Remove(unused); // its step never came back (its process died): its turn has left every window
            }

            var counted = behindKeptTurns ? sent.Count : UpTo(now);
            var until = behindKeptTurns && counted > 0 && sent[counted - 1] > now ? sent[counted - 1] : now;
            foreach (var limit in limits)
            {
                if (counted >= limit.Count && sent[counted - limit.Count] + limit.Window > until)
                {
                    // The request that must leave this window before one more fits.
                    until = sent[counted - limit.Count] + limit.Window;
                }
            }

            return until > now ? until - now : null;
        }

        /// <summary>The turn kept for <paramref name="step"/>, if any.</summary>
        public DateTimeOffset? TurnOf(string? step) => step is not null && kept.TryGetValue(step, out var turn) ? turn : null;

        /// <summary>Keeps the turn at <paramref name="at"/> for <paramref name="step"/>: it counts as sent then.</summary>
        public void Keep(string step, DateTimeOffset at)
        {
            if (kept.TryAdd(step, at))
            {
                Insert(at);
            }
        }

        /// <summary>The step's kept turn has come: it gives way to the request the step is about to send.</summary>
        public void Redeem(string step)
        {
            if (kept.Remove(step, out var at))
            {
                sent.Remove(at);
            }
        }

        public void Record(DateTimeOffset at) => Insert(at);

        /// <summary>How many requests were sent (or had their turn) at or before <paramref name="at"/>.</summary>
        private int UpTo(DateTimeOffset at)
        {
            var i = sent.BinarySearch(at);
            if (i < 0)
            {
                return ~i;
            }

            while (i + 1 < sent.Count && sent[i + 1] == at)
            {
                i++;
            }

            return i + 1;
        }

        private void Insert(DateTimeOffset at)
        {
            var i = sent.BinarySearch(at);
            sent.Insert(i < 0 ? ~i : i, at);
            LastSent = sent[^1];
        }
    }

    private sealed class Lease(SlidingWindowLimiter owner, Partition partition) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Release(partition);
            }
        }
    }
}
