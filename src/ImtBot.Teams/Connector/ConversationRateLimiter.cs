using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>
/// The Bot Framework's limits per bot per conversation (thread) for sending and creating conversations: 7 per second
/// (<c>Teams:ConversationMessagesPerSecond</c>), 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour. Excess sends
/// queue in order instead of earning a 429; a conversation with 1,000 queued sends answers with a retryable 429.
/// </summary>
internal sealed class ConversationRateLimiter(IOptions<TeamsOptions> options, TimeProvider time, TeamsPacing pacing)
{
    private readonly SlidingWindowLimiter limiter = new(
        time,
        [
            new(options.Value.ConversationMessagesPerSecond, TimeSpan.FromSeconds(1)),
            new(8, TimeSpan.FromSeconds(2)),
            new(60, TimeSpan.FromSeconds(30)),
            new(1800, TimeSpan.FromHours(1)),
        ],
        queueLimit: 1000,
        "conversation",
        pacing);

    /// <summary>A channel and its threads (<c>19:…;messageid=…</c>) share one budget: stricter than per thread, never looser.</summary>
    public Task<SlidingWindowLimiter.Lease> AcquireAsync(string conversationId, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(conversationId.Split(';', 2)[0], cancellationToken);
}
