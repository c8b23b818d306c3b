using ImtBot.Teams.Connector;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Teams.Tests.Connector;

/// <summary>
/// An outbox step whose turn under a Teams limit is far off is told to come back at it, and the turn is kept for it:
/// callers after it queue behind it, it goes at its turn, and late or not, nothing goes past a window.
/// </summary>
public sealed class SlidingWindowPacingTests
{
    private static readonly WindowLimit[] ThreePer10Seconds = [new(3, TimeSpan.FromSeconds(10))];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> sentAt = [];

    [Fact]
    public async Task WindowFull_AStepIsPacedWithItsTurnKept_ALaterStepQueuesBehindIt_ItGoesAtItsTurn()
    {
        var limiter = new SlidingWindowLimiter(time, ThreePer10Seconds, queueLimit: 100, "conversation", new TeamsPacing());
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(limiter, "step-" + i);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // t = 3 s: the window holds three until t = 10 s.
        var first = await Assert.ThrowsAsync<ConnectorPacedException>(() => SendAsync(limiter, "step-a"));
        var second = await Assert.ThrowsAsync<ConnectorPacedException>(() => SendAsync(limiter, "step-b"));
        Assert.Equal(TimeSpan.FromSeconds(7), first.Wait);
        Assert.Equal(TimeSpan.FromSeconds(8), second.Wait); // behind step-a's kept turn, as the second request leaves
        await SendAsync(limiter, "no-step-waits-in-place", asStep: false, pump: true); // not a step: waits in place, after both kept turns
        Assert.Equal(Start + TimeSpan.FromSeconds(12), sentAt[^1]);

        // step-b comes back late; step-a at its turn: neither is sent away again, and no window holds more than three.
        time.Advance(Start + TimeSpan.FromSeconds(20) - time.GetUtcNow());
        await SendAsync(limiter, "step-a");
        await SendAsync(limiter, "step-b");
        Assert.Equal(6, sentAt.Count);
        Assert.All(sentAt, end => Assert.True(sentAt.Count(t => t > end - TimeSpan.FromSeconds(10) && t <= end) <= 3, $"more than 3 in the 10 s to {end:HH:mm:ss}"));
    }

    [Fact]
    public async Task OthersWaitForTheirTurnsInPlace_AStepArrivingAfterThemIsNotQueuedBehindTheirWaits_ItIsSentAwayAtOnce()
    {
        var limiter = new SlidingWindowLimiter(time, [new(1, TimeSpan.FromSeconds(1))], queueLimit: 100, "conversation", new TeamsPacing());
        await SendAsync(limiter, "step-0");

        // A reply (no step) and a step wait for the next two turns where they are; a third caller's turn is 3 s away.
        var reply = SendAsync(limiter, "reply", asStep: false);
        var near = SendAsync(limiter, "step-a");
        var far = SendAsync(limiter, "step-b");

        // The step whose turn is far off learns it at once (its dispatcher slot is free again), its turn kept after theirs.
        Assert.Equal(TimeSpan.FromSeconds(3), (await Assert.ThrowsAsync<ConnectorPacedException>(() => far.WaitAsync(TimeSpan.FromSeconds(10)))).Wait);
        Assert.False(reply.IsCompleted || near.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await reply.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        await near.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(limiter, "step-b");
        Assert.Equal([Start, Start + TimeSpan.FromSeconds(1), Start + TimeSpan.FromSeconds(2), Start + TimeSpan.FromSeconds(3)], sentAt);
    }

    [Fact]
    public async Task TurnAMomentAway_AStepWaitsInPlace_NotSentAway()
    {
        var limiter = new SlidingWindowLimiter(time, [new(1, TimeSpan.FromSeconds(1))], queueLimit: 100, "conversation", new TeamsPacing());
        await SendAsync(limiter, "step-0");

        await SendAsync(limiter, "step-1", pump: true);

        Assert.Equal(TimeSpan.FromSeconds(1), sentAt[1] - sentAt[0]);
    }

    private DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task SendAsync(SlidingWindowLimiter limiter, string step, bool asStep = true, bool pump = false)
    {
        using var scope = asStep ? TeamsPacing.ForStep(step) : null;
        var acquiring = limiter.AcquireAsync("19:announcements@thread.tacv2", CancellationToken.None);
        while (pump && !acquiring.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(acquiring, Task.Delay(1));
        }

        using var lease = await acquiring;
        sentAt.Add(time.GetUtcNow());
    }
}
