using System.Collections.Concurrent;

namespace ImtBot.Slack.Testing;

/// <summary>
/// Slack's rate limits, enforced by the fake: each Web API method has its tier's budget a minute (Tier 2 = 20, Tier 3 =
/// 50, Tier 4 = 100), spent in bursts up to the budget and refilled evenly; <c>chat.postMessage</c> has one message a
/// second per channel instead. A call over its limit is answered 429 with the Retry-After Slack would give, and counted
/// in <see cref="Refused"/>. Time is the fake's clock.
/// </summary>
public sealed class FakeRateLimits
{
    /// <summary>The budget a minute of each method the bot calls (Slack's published tiers); a method not listed is not limited.</summary>
    public static readonly IReadOnlyDictionary<string, int> Tiers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["conversations.create"] = 20,
        ["conversations.setTopic"] = 20,
        ["conversations.setPurpose"] = 20,
        ["conversations.archive"] = 20,
        ["conversations.list"] = 20,
        ["pins.add"] = 20,
        ["conversations.invite"] = 50,
        ["conversations.open"] = 50,
        ["conversations.info"] = 50,
        ["conversations.history"] = 50,
        ["chat.update"] = 50,
        ["auth.test"] = 100,
        ["users.info"] = 100,
        ["chat.postEphemeral"] = 100,
        ["views.open"] = 100,
    };

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Calls answered 429: the method (and <c>#channel</c> for a message).</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>How long the caller must wait before <paramref name="method"/> (into <paramref name="channel"/>) is allowed, or null to allow it now (and spend its turn).</summary>
    public TimeSpan? Check(string method, string? channel, DateTimeOffset now)
    {
        string key;
        double perMinute, burst;
        if (method == "chat.postMessage" && channel is not null)
        {
            (key, perMinute, burst) = ("chat.postMessage#" + channel, 60, 1);
        }
        else if (Tiers.TryGetValue(method, out var tier))
        {
            (key, perMinute, burst) = (method, tier, tier);
        }
        else
        {
            return null;
        }

        var bucket = _buckets.GetOrAdd(key, _ => new Bucket { Tokens = burst, At = now });
        lock (bucket)
        {
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.At).TotalMinutes * perMinute));
            bucket.At = now;
            if (bucket.Tokens >= 1 - 1e-9)
            {
                bucket.Tokens -= 1;
                return null;
            }

            Refused.Enqueue(key);
            return TimeSpan.FromMinutes((1 - bucket.Tokens) / perMinute);
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset At { get; set; }
    }
}
