using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>Keeps sends per conversation (thread) under Teams' limit of 7 per second, queueing the excess.</summary>
internal sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ConversationRateLimiter(IOptions<TeamsOptions> options)
    {
        var perSecond = options.Value.ConversationMessagesPerSecond;
        limiter = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(
            conversation,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = conversationId.Split(';', 2)[0];
        var lease = await limiter.AcquireAsync(key, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ConnectorException("too many queued messages for one conversation", (System.Net.HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(5));
        }

        return lease;
    }

    public void Dispose() => limiter.Dispose();
}
