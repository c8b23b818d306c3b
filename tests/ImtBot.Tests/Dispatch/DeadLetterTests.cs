using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Dispatch;

/// <summary>A step that keeps failing is retried with backoff, then dead-lettered and the incident channel is told.</summary>
public class DeadLetterTests
{
    [Fact]
    public async Task FailingEffect_RetriedWithBackoffThenDeadLetteredAndToldToTheChannel()
    {
        var flaky = new FlakyAnnouncements();
        await using var host = await TestHost.StartWithConsolePlatformAsync(flaky.Wrap, "Dispatcher:MaxAttempts=3", "Dispatcher:InitialBackoff=00:00:10");

        await host.SayAsync("alice", "general", "/incident declare Search is down sev2");
        await host.DrainOutboxAsync();
        Assert.Equal(1, flaky.Attempts);

        // Not retried before its backoff, then retried until the attempts run out.
        await host.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, flaky.Attempts);
        for (var i = 0; i < 5; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, flaky.Attempts);
        var store = host.Services.GetRequiredService<IOutbox>();
        var dead = Assert.Single(store.GetSteps(OutboxStatus.Dead));
        Assert.Equal("announce", dead.Kind);
        Assert.Contains("announcements are down", dead.LastError);
        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.Contains(await host.MessagesAsync(channel), m => ((string)m!["text"]!).Contains("could not complete \"announce\""));
    }

    [Fact]
    public async Task TransientFaults_RetriedUntilGiveUpAfterNotBySomeAttemptCount()
    {
        var flaky = new FlakyAnnouncements();
        await using var host = await TestHost.StartWithConsolePlatformAsync(flaky.Wrap, "Dispatcher:GiveUpAfter=00:30:00", "Dispatcher:MaxBackoff=00:01:00");
        var store = host.Services.GetRequiredService<IOutbox>();

        await host.SayAsync("alice", "general", "/incident declare Search is down sev2");
        await host.DrainOutboxAsync();
        for (var i = 0; i < 28; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        // 28 minutes and well over the old 8 attempts: still pending.
        Assert.True(flaky.Attempts > 8, $"only {flaky.Attempts} attempts");
        Assert.Empty(store.GetSteps(OutboxStatus.Dead));

        for (var i = 0; i < 5; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal("announce", Assert.Single(store.GetSteps(OutboxStatus.Dead)).Kind);
    }

    private sealed class FlakyAnnouncements
    {
        public int Attempts { get; private set; }

        public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

        private sealed class Platform(IChatPlatform inner, FlakyAnnouncements owner) : IChatPlatform
        {
            public string Name => inner.Name;

            public Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
            {
                if (context.Effect is Announce)
                {
                    owner.Attempts++;
                    throw new HttpRequestException("announcements are down");
                }

                return inner.ExecuteAsync(context, cancellationToken);
            }
        }
    }
}
