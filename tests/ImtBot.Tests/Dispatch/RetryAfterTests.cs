using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Dispatch;

/// <summary>A platform asks for a wait (Retry-After); the dispatcher, which alone schedules retries, never tries sooner.</summary>
public class RetryAfterTests
{
    [Fact]
    public async Task ThrottledEffect_RetryAfterLongerThanTheBackoff_NotTriedBeforeIt()
    {
        var throttled = new ThrottledAnnouncements(TimeSpan.FromMinutes(10));
        await using var host = await TestHost.StartWithConsolePlatformAsync(throttled.Wrap, "Dispatcher:InitialBackoff=00:00:10");

        await host.SayAsync("alice", "general", "/incident declare Search is down sev2");
        await host.DrainOutboxAsync();
        Assert.Equal(1, throttled.Attempts);

        // The backoff alone (10-12 s) would have retried long ago.
        await host.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Equal(1, throttled.Attempts);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, throttled.Attempts);
    }

    [Fact]
    public async Task ThrottledEffect_RetryAfterShorterThanTheBackoff_WaitsForTheBackoff()
    {
        var throttled = new ThrottledAnnouncements(TimeSpan.FromSeconds(1));
        await using var host = await TestHost.StartWithConsolePlatformAsync(throttled.Wrap, "Dispatcher:InitialBackoff=00:01:00");

        await host.SayAsync("alice", "general", "/incident declare Search is down sev2");
        await host.DrainOutboxAsync();

        await host.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, throttled.Attempts);

        await host.AdvanceAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(2, throttled.Attempts);
    }

    /// <summary>Answers the first announcement with Retry and a Retry-After, like a 429, then lets it through.</summary>
    private sealed class ThrottledAnnouncements(TimeSpan retryAfter)
    {
        public int Attempts { get; private set; }

        public TimeSpan RetryAfter { get; } = retryAfter;

        public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

        private sealed class Platform(IChatPlatform inner, ThrottledAnnouncements owner) : IChatPlatform
        {
            public string Name => inner.Name;

            public Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
            {
                if (context.Effect is Announce && ++owner.Attempts == 1)
                {
                    return Task.FromResult(EffectOutcome.Retry("ratelimited", owner.RetryAfter));
                }

                return inner.ExecuteAsync(context, cancellationToken);
            }
        }
    }
}
