using System.Collections.Concurrent;
using System.Net;

namespace ImtBot.Teams.Connector;

/// <summary>
/// Keeps requests per key (a conversation, a team, a tenant) under several sliding windows at once, on a
/// <see cref="TimeProvider"/>. Callers for one key take their turns in arrival order: a caller that must wait keeps its
/// turn (counted in the windows as if sent then) and waits for it without holding the key, so the callers after it take
/// the turns after it at once instead of queueing behind its wait. A request is counted at the moment its lease is
/// released, i.e. after its answer arrived: that is never earlier than when the service saw it, so network delays
/// cannot make the service count more than the limit in any window. With <c>oneAtATime</c> (a conversation, a team) a
/// request holds its key until it is answered, which also keeps one conversation's posts in order. Without it (a
/// tenant, across all its conversations) requests are in flight together, up to the limit: one in flight counts in
/// every window as if answered now, and so until it is answered, which is as safe, without making every conversation
/// of the tenant wait for each other's round trips. An outbox step whose turn is further off than
/// <see cref="TeamsPacing.Patience"/> is not made to wait: the turn is kept for it, and it is told to come back at it.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time, IReadOnlyList<WindowLimit> limits, int queueLimit, string what, TeamsPacing? pacing = null, bool oneAtATime = true)
{
    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);
    private readonly TimeSpan longest = limits.Max(l => l.Window);
    private readonly TimeSpan patience = (pacing ?? new TeamsPacing()).Patience;
    private long reservations;

    public IReadOnlyList<WindowLimit> Limits => limits;

    /// <summary>Waits for a turn; dispose the lease once the request has been answered (or failed).</summary>
    /// <exception cref="ConnectorPacedException">An outbox step's turn is too far off: it comes back then.</exception>
    public async Task<Lease> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var partition = partitions.GetOrAdd(key, _ => new Partition());
        if (Interlocked.Increment(ref partition.Queued) > queueLimit)
        {
            Interlocked.Decrement(ref partition.Queued);
            throw new ConnectorException($"too many queued requests for one {what}", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5));
        }

        // A caller's turn is kept under its outbox step's key, so that the step finds it when it comes back; any other
        // caller's under a key of its own, for as long as it waits.
        var step = TeamsPacing.Step;
        var mine = step ?? "\0" + Interlocked.Increment(ref reservations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reserved = false;
        var entered = false;
        try
        {
            var turnCame = false;
            while (true)
            {
                if (!entered)
                {
                    await partition.Gate.WaitAsync(cancellationToken);
                    entered = true;
                }

                var now = time.GetUtcNow();
                TimeSpan? wait;
                if (!turnCame && partition.TurnOf(mine) is { } turn)
                {
                    if (turn <= now)
                    {
                        // Its kept turn has come (or passed while it waited to be run): it goes ahead of later kept
                        // turns, as soon as what was already sent allows.
                        partition.Redeem(mine);
                        reserved = false;
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

                if (turnCame)
                {
                    // Its turn came but an answer to an earlier request arrived late: it waits the rest where it is,
                    // ahead of everyone else.
                    await Task.Delay(due, time, cancellationToken);
                    continue;
                }

                // It waits for its turn without holding the key: later callers see the turn kept and take the ones
                // after it at once, so an outbox step never queues here behind others' waits for longer than its own
                // turn is away (and gives its dispatcher slot back when that is far off).
                partition.Keep(mine, now + due);
                reserved = true;
                partition.Gate.Release();
                entered = false;
                await Task.Delay(due, time, cancellationToken);
            }

            if (!oneAtATime)
            {
                // Counted as in flight from now until it is answered; the next caller may take its turn meanwhile.
                partition.Start();
                partition.Gate.Release();
            }

            return new Lease(this, partition);
        }
        catch (Exception e)
        {
            if (reserved && e is not ConnectorPacedException)
            {
                partition.Redeem(mine); // it gave up waiting (cancelled): its turn is free again
            }

            if (entered)
            {
                partition.Gate.Release();
            }

            Interlocked.Decrement(ref partition.Queued);
            throw;
        }
    }

    private void Release(Partition partition, bool sent)
    {
        partition.Record(time.GetUtcNow(), sent, inFlight: !oneAtATime);
        Interlocked.Decrement(ref partition.Queued);
        if (oneAtATime)
        {
            partition.Gate.Release();
        }

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

    /// <summary>
    /// One key's requests: sent ones and kept turns, in time order, and how many are in flight (those count as sent
    /// now until they are answered). Callers take turns under <see cref="Gate"/>; the lists are read and written under
    /// <see cref="data"/>, since a request in flight is answered without the gate.
    /// </summary>
    internal sealed class Partition
    {
        private readonly List<DateTimeOffset> sent = [];
        private readonly Dictionary<string, DateTimeOffset> kept = new(StringComparer.Ordinal);
        private readonly Lock data = new();
        private int inFlight;

        public int Queued;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastSent { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>
        /// How long to wait before the next request fits every window, or null when it fits now. Behind kept turns, it
        /// goes after the last of them; otherwise it is measured against the requests sent by now alone. A request in
        /// flight has not left any window yet: it stands at <paramref name="now"/>, so the wait is the least it can
        /// be, and the caller looks again then.
        /// </summary>
        public TimeSpan? WaitBeforeNext(DateTimeOffset now, IReadOnlyList<WindowLimit> limits, TimeSpan longest, bool behindKeptTurns)
        {
            lock (data)
            {
                sent.RemoveAll(t => t <= now - longest);
                foreach (var (unused, _) in kept.Where(k => k.Value <= now - longest).ToList())
                {
                    kept.Remove(unused); // its step never came back (its process died): its turn has left every window
                }

                var past = UpTo(now);
                var counted = (behindKeptTurns ? sent.Count : past) + inFlight;
                var until = behindKeptTurns && sent.Count > past ? sent[^1] : now;
                foreach (var limit in limits)
                {
                    if (counted >= limit.Count && At(counted - limit.Count, past, now) + limit.Window > until)
                    {
                        // The request that must leave this window before one more fits.
                        until = At(counted - limit.Count, past, now) + limit.Window;
                    }
                }

                return until > now ? until - now : null;
            }
        }

        /// <summary>The turn kept for <paramref name="step"/>, if any.</summary>
        public DateTimeOffset? TurnOf(string? step)
        {
            lock (data)
            {
                return step is not null && kept.TryGetValue(step, out var turn) ? turn : null;
            }
        }

        /// <summary>Keeps the turn at <paramref name="at"/> for <paramref name="step"/>: it counts as sent then.</summary>
        public void Keep(string step, DateTimeOffset at)
        {
            lock (data)
            {
                if (kept.TryAdd(step, at))
                {
                    Insert(at);
                }
            }
        }

        /// <summary>The step's kept turn has come: it gives way to the request the step is about to send.</summary>
        public void Redeem(string step)
        {
            lock (data)
            {
                if (kept.Remove(step, out var at))
                {
                    sent.Remove(at);
                }
            }
        }

        /// <summary>A request goes out and is in flight until <see cref="Record"/>.</summary>
        public void Start()
        {
            lock (data)
            {
                inFlight++;
            }
        }

        /// <summary>A request was answered at <paramref name="at"/> (or, when <paramref name="sent"/> is false, never went out).</summary>
        public void Record(DateTimeOffset at, bool sent, bool inFlight)
        {
            lock (data)
            {
                if (inFlight)
                {
                    this.inFlight--;
                }

                if (sent)
                {
                    Insert(at);
                }
            }
        }

        /// <summary>The time of the <paramref name="i"/>th request in time order, those in flight standing at <paramref name="now"/> after the first <paramref name="past"/>.</summary>
        private DateTimeOffset At(int i, int past, DateTimeOffset now) =>
            i < past ? sent[i] : i < past + inFlight ? now : sent[i - inFlight];

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

    /// <summary>A turn under the limiter: dispose it once the request has been answered (or failed after it went out).</summary>
    internal sealed class Lease(SlidingWindowLimiter owner, Partition partition) : IDisposable
    {
        private int disposed;

        public void Dispose() => End(sent: true);

        /// <summary>Gives the turn back without counting a request: nothing went out (another limit sent the caller away first).</summary>
        public void Unused() => End(sent: false);

        private void End(bool sent)
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Release(partition, sent);
            }
        }
    }
}
