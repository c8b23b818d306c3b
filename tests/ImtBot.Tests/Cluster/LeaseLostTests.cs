using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Postgres;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Two hosts on one PostgreSQL database: one runs a step so slowly that its lease runs out and the other leases the
/// step again and runs it. The slow one's late completion is refused by the fencing token; its dispatcher must leave
/// the step to the new holder — not retry it as a failure, not log an error, not run the incident's later steps it
/// had leased with it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaseLostTests(PostgresServer server)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LeaseRanOutWhileTheStepRan_LateOutcomeLeftToTheNewHolder_NotRetriedNorLoggedAsAnError()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        string[] shared = ["Storage:Provider=PostgreSQL", $"Storage:ConnectionString={server.CreateDatabase("leaselost")}", $"Dispatcher:Lease={Lease}"];
        var held = new FirstEffectHeld();
        var log = new CapturedLog();
        await using var slow = await TestHost.StartAsync(
            builder =>
            {
                builder.Logging.AddProvider(log);
                builder.Services.RemoveAll<IChatPlatform>();
                builder.Services.AddSingleton<ImtBot.ConsoleChat.ConsolePlatform>();
                builder.Services.AddSingleton<IChatPlatform>(sp => held.Wrap(sp.GetRequiredService<ImtBot.ConsoleChat.ConsolePlatform>()));
            },
            clock: clock,
            settings: [.. shared, "Logging:LogLevel:ImtBot.Dispatch=Information"]);
        await using var other = await TestHost.StartAsync(clock: clock, settings: shared);

        await slow.SayAsync("alice", "general", "/incident declare Queue backlog sev3");
        var leasedBySlow = slow.DrainOutboxAsync();
        var key = await held.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await other.DrainOutboxAsync();
        held.Release();
        await leasedBySlow.WaitAsync(TimeSpan.FromMinutes(1));

        var outbox = other.Services.GetRequiredService<IOutbox>();
        Assert.All(outbox.GetSteps(OutboxStatus.Pending), s => Assert.True(s.Kind == "timer" && s.DueAt > clock.GetUtcNow(), $"{s.Key} is pending: {s.LastError}"));
        Assert.Empty(outbox.GetSteps(OutboxStatus.InFlight));
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
        Assert.Equal(2, Assert.Single(outbox.GetSteps(OutboxStatus.Done), s => s.Key == key).Attempts);

        Assert.DoesNotContain(log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("will retry", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains(key, StringComparison.Ordinal) && l.Contains("left to it", StringComparison.Ordinal));

        // The slow host ran only the step it was holding: every effect of the declaration happened once, by the other.
        Assert.Equal([key], held.Ran);
        var channel = Assert.Single(await other.GetArrayAsync("/api/console/channels?user=alice"), c => (int?)c!["incident"] == 1);
        Assert.Single(await other.MessagesAsync((string)channel!["id"]!), m => (bool)m!["pinned"]!);
        Assert.Single(await other.MessagesAsync("announcements"), m => ((string)m!["text"]!).Contains("INC-1", StringComparison.Ordinal));
    }

    /// <summary>The console platform, whose first effect waits until released and then reports done without a call (a call that was slow).</summary>
    private sealed class FirstEffectHeld
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Ran { get; } = [];

        public void Release() => _release.TrySetResult();

        public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

        private sealed class Platform(IChatPlatform inner, FirstEffectHeld owner) : IChatPlatform
        {
            public string Name => inner.Name;

            public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
            {
                lock (owner.Ran)
                {
                    owner.Ran.Add(context.StepKey);
                }

                if (owner.Entered.TrySetResult(context.StepKey))
                {
                    await owner._release.Task.WaitAsync(cancellationToken);
                    return EffectOutcome.Done();
                }

                return await inner.ExecuteAsync(context, cancellationToken);
            }
        }
    }
}
