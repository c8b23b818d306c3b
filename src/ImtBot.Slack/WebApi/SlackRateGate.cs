using System.Collections.Concurrent;

namespace ImtBot.Slack.WebApi;

/// <summary>
/// Token buckets on the injected clock, one per key (<c>method</c> for tier limits, <c>method#channel</c> for
/// chat.postMessage's 1 message/s per channel). A 429 pauses its key until Retry-After, like the Node SDK's queue pause,
/// so callers wait instead of storming; other keys (other channels, other methods) proceed.
/// </summary>
public sealed class SlackRateGate(TimeProvider time, bool enabled = true)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot in <paramref name="key"/>'s bucket (<paramref name="perSecond"/> refill, <paramref name="burst"/> capacity).</summary>
    public Task AcquireAsync(string key, double perSecond, double burst, CancellationToken cancellationToken)
    {
        if (!enabled || perSecond <= 0)
        {
            return Task.CompletedTask;
        }

        var bucket = buckets.GetOrAdd(key, _ => new Bucket(burst, time.GetUtcNow()));
        TimeSpan wait;
        lock (bucket)
        {
            var now = time.GetUtcNow();
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.Last).TotalSeconds * perSecond));
            bucket.Last = now;
            bucket.Tokens -= 1;
            wait = bucket.Tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-bucket.Tokens / perSecond);
            if (bucket.PausedUntil - now > wait)
            {
                wait = bucket.PausedUntil - now;
            }
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
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

    private sealed class Bucket(double tokens, DateTimeOffset last)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset Last { get; set; } = last;

        public DateTimeOffset PausedUntil { get; set; }
    }
}
