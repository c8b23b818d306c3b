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
/// counting against the bucket a second time, and the steps that asked after it still come after it.
/// </remarks>
/// <param name="patience">The longest an outbox step waits for its turn in place (2 s unless given).</param>
public sealed class SlackRateGate(TimeProvider time, bool enabled = true, TimeSpan? patience = null)
{
    /// <summary>The longest an outbox step waits for its turn in place.</summary>
    public TimeSpan Patience { get; } = patience ?? TimeSpan.FromSeconds(2);

    /// <summary>Kept turns are forgotten this long after they came (the step went to another instance, or gave up).</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    // (step, key) → when its turn comes: the turn of a step told to come back later.
    private readonly ConcurrentDictionary<(string Step, string Key), DateTimeOffset> kept = new();

    /// <summary>Waits for a slot in <paramref name="key"/>'s bucket (<paramref name="perSecond"/> refill, <paramref name="burst"/> capacity).</summary>
    public Task AcquireAsync(string key, double perSecond, double burst, CancellationToken cancellationToken)
    {
        var wait = Take(key, perSecond, burst, step: null);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Takes a turn in <paramref name="key"/>'s bucket for <paramref name="step"/> (an outbox step, or null for a caller
    /// that must wait in place) and returns how long until it comes. A step's turn more than <see cref="Patience"/> away
    /// is kept for it, and the same step asking again gets that turn back.
    /// </summary>
    public TimeSpan Take(string key, double perSecond, double burst, string? step)
    {
        if (!enabled || perSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var bucket = buckets.GetOrAdd(key, _ => new Bucket(burst, time.GetUtcNow()));
        var now = time.GetUtcNow();
        TimeSpan wait;
        lock (bucket)
        {
            if (step is not null && kept.TryRemove((step, key), out var turn))
            {
                wait = turn - now;
            }
            else
            {
                bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.Last).TotalSeconds * perSecond));
                bucket.Last = now;
                bucket.Tokens -= 1;
                wait = bucket.Tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-bucket.Tokens / perSecond);
            }

            if (bucket.PausedUntil - now > wait)
            {
                wait = bucket.PausedUntil - now;
            }
        }

        if (step is not null && wait > Patience)
        {
            Forget(now);
            kept[(step, key)] = now + wait;
        }

        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

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

    /// <summary>Drops turns nobody came back for, once there are many (each is a few dozen bytes).</summary>
    private void Forget(DateTimeOffset now)
    {
        if (kept.Count < 10_000)
        {
            return;
        }

        foreach (var (turn, at) in kept)
        {
            if (now - at > KeptFor)
            {
                kept.TryRemove(turn, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset last)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset Last { get; set; } = last;

        public DateTimeOffset PausedUntil { get; set; }
    }
}
