using System.Collections.Concurrent;
using System.Net;

namespace ImtBot.Teams.Connector;

/// <summary>
/// Keeps requests per key (a conversation, a team) under several sliding windows at once, on a <see cref="TimeProvider"/>.
/// Callers for one key go one at a time, in arrival order, and each waits until every window has room. A request is
/// counted at the moment its lease is released, i.e. after its answer arrived: that is never earlier than when the
/// service saw it, so network delays cannot make the service count more than the limit in any window.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time, IReadOnlyList<WindowLimit> limits, int queueLimit, string what)
{
    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);
    private readonly TimeSpan longest = limits.Max(l => l.Window);

    public IReadOnlyList<WindowLimit> Limits => limits;

    /// <summary>Waits for a turn; dispose the lease once the request has been answered (or failed).</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var partition = partitions.GetOrAdd(key, _ => new Partition());
        if (Interlocked.Increment(ref partition.Queued) > queueLimit)
        {
            Interlocked.Decrement(ref partition.Queued);
            throw new ConnectorException($"too many queued requests for one {what}", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5));
        }

        var entered = false;
        try
        {
            await partition.Gate.WaitAsync(cancellationToken);
            entered = true;
            while (partition.WaitBeforeNext(time.GetUtcNow(), limits, longest) is { } wait)
            {
                await Task.Delay(wait, time, cancellationToken);
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

    private sealed class Partition
    {
        private readonly List<DateTimeOffset> sent = [];

        public int Queued;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastSent { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>How long to wait before the next request fits every window, or null when it fits now (called under <see cref="Gate"/>).</summary>
        public TimeSpan? WaitBeforeNext(DateTimeOffset now, IReadOnlyList<WindowLimit> limits, TimeSpan longest)
        {
            sent.RemoveAll(t => t <= now - longest);
            var until = now;
            foreach (var limit in limits)
            {
                var inWindow = sent.Count(t => t > now - limit.Window);
                if (inWindow >= limit.Count)
                {
                    // The oldest request that must leave the window before one more fits.
                    var leaving = sent[sent.Count - limit.Count];
                    if (leaving + limit.Window > until)
                    {
                        until = leaving + limit.Window;
                    }
                }
            }

            return until > now ? until - now : null;
        }

        public void Record(DateTimeOffset at)
        {
            sent.Add(at < LastSent ? LastSent : at);
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
