using System.Collections.Concurrent;

namespace ImtBot.Slack.WebApi;

/// <summary>
/// Token buckets on the injected clock, one per key (<c>method</c> for tier limits, <c>method#channel</c> for
/// chat.postMessage's 1 message/s per channel). A 429 pauses its key until Retry-After, like the Node SDK's queue pause,
/// so callers wait instead of storming; other keys (other channels, other methods) proceed.
/// </summary>
/// <remarks>
/// A caller waits for its turn in place — except an outbox step whose turn is more than <see cref="Patience"/> away.
/// It holds one of the dispatcher's few slots, and a busy channel (every incident's updates go to the announcements
/// channel, one a second) would fill them all with waits while other incidents' pages and cards queue behind. Such a
/// step is told when its turn comes instead, and the turn is kept for it: when it comes back it goes at once, without
/// counting against the bucket a second time, and the steps that asked after it still come after it. A step that had
/// already called through the same key in this attempt (a post update reads two channels' history through the one
/// conversations.history limit) makes those calls again when it comes back, so a turn is kept for each of them too:
/// with only one it would use it on its first call and be sent away again on the next, for ever.
/// </remarks>
/// <param name="patience">The longest an outbox step waits for its turn in place (2 s unless given).</param>
public sealed class SlackRateGate(TimeProvider time, bool enabled = true, TimeSpan? patience = null)
{
    /// <summary>The longest an outbox step waits for its turn in place.</summary>
    public TimeSpan Patience { get; } = patience ?? TimeSpan.FromSeconds(2);

    /// <summary>Kept turns are forgotten this long after they came (the step went to another instance, or gave up).</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    /// <summary>How often kept turns nobody came back for are looked for, once there are many.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    // When (ticks) kept turns may next be swept; read and moved with Interlocked (callers hold different keys' locks).
    private long nextSweep;

    // (step, key) → the turns kept for a step told to come back later, earliest first. Guarded by the key's bucket.
    private readonly ConcurrentDictionary<(string Step, string Key), Queue<DateTimeOffset>> kept = new();

    /// <summary>Waits for a slot in <paramref name="key"/>'s bucket (<paramref name="perSecond"/> refill, <paramref name="burst"/> capacity).</summary>
    public Task AcquireAsync(string key, double perSecond, double burst, CancellationToken cancellationToken)
    {
        var wait = Take(key, perSecond, burst, step: null);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Takes a turn in <paramref name="key"/>'s bucket for <paramref name="step"/> (an outbox step, or null for a caller
    /// that must wait in place) and returns how long until it comes. A step whose turn is more than
    /// <see cref="Patience"/> away is to come back when it comes: the turn is kept for it, with one more for each of the
    /// <paramref name="earlierCalls"/> it made through this key before (it makes them again when it comes back), and
    /// the wait returned is until the last of them. The same step asking again gets its kept turns back, earliest first.
    /// </summary>
    public TimeSpan Take(string key, double perSecond, double burst, string? step, int earlierCalls = 0)
    {
        if (!enabled || perSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var bucket = buckets.GetOrAdd(key, _ => new Bucket(burst, time.GetUtcNow()));
        var now = time.GetUtcNow();
        lock (bucket)
        {
            var paused = bucket.PausedUntil - now;
            if (step is not null && kept.TryGetValue((step, key), out var turns) && Late(turns.Last(), now, perSecond))
            {
                // The step came back long after the turn it was told to come back at (the last it kept; it waited
                // behind its incident's earlier steps): others took the turns after it meanwhile, and sent now it
                // would burst past Slack's limit beside them. It queues afresh; the turns it kept went unused.
                kept.TryRemove((step, key), out _);
            }

            if (step is not null && kept.TryGetValue((step, key), out turns))
            {
                var turn = turns.Peek();
                var wait = Max(turn - now, paused);
                if (wait <= Patience)
                {
                    turns.Dequeue();
                    if (turns.Count == 0)
                    {
                        kept.TryRemove((step, key), out _);
                    }
                }

                return Max(wait, TimeSpan.Zero);
            }

            var first = Max(Next(bucket, now, perSecond, burst), paused);
            if (step is null || first <= Patience)
            {
                return Max(first, TimeSpan.Zero);
            }

            Forget(now);
            var queue = new Queue<DateTimeOffset>();
            queue.Enqueue(now + first);
            var last = first;
            for (var i = 0; i < earlierCalls; i++)
            {
                last = Max(Next(bucket, now, perSecond, burst), paused);
                queue.Enqueue(now + last);
            }

            kept[(step, key)] = queue;
            return last;
        }
    }

    /// <summary>Whether a kept turn at <paramref name="turn"/> is half an interval or more behind <paramref name="now"/>.</summary>
    private static bool Late(DateTimeOffset turn, DateTimeOffset now, double perSecond) => (now - turn).TotalSeconds * perSecond >= 0.5;

    /// <summary>Holds every caller of <paramref name="key"/> until <paramref name="until"/> (Slack answered 429).</summary>
    public void Pause(string key, DateTimeOffset until)
    {
        if (!enabled)
        {
            return;
        }

        var bucket = buckets.GetOrAdd(key, _ => new Bucket(0, time.GetUtcNow()));
        lock (bucket)
        {
            if (until > bucket.PausedUntil)
            {
                bucket.PausedUntil = until;
            }

            bucket.Tokens = Math.Min(bucket.Tokens, 0);
        }
    }

    /// <summary>
    /// Drops turns nobody came back for (the step went to another instance, or gave up), once there are many — at most
    /// once a minute: in a storm every step sent away keeps a turn, and a sweep of them all on each of those calls made
    /// the calls cost the square of the backlog (a minute longer kept, out of ten, costs nothing).
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (kept.Count < 10_000 || now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweep, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (turn, times) in kept)
        {
            // Another key's queue, read without its lock: at worst a turn is dropped a little early or kept a little long.
            if (times.TryPeek(out var first) && now - first > KeptFor)
            {
                kept.TryRemove(turn, out _);
            }
        }
    }

    /// <summary>Takes one token now; returns how long until it may be used (called under the bucket's lock).</summary>
    private static TimeSpan Next(Bucket bucket, DateTimeOffset now, double perSecond, double burst)
    {
        bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.Last).TotalSeconds * perSecond));
        bucket.Last = now;
        bucket.Tokens -= 1;
        return bucket.Tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-bucket.Tokens / perSecond);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Bucket(double tokens, DateTimeOffset last)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset Last { get; set; } = last;

        public DateTimeOffset PausedUntil { get; set; }
    }
}
