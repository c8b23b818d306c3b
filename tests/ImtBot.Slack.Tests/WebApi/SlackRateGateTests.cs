using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Slack.Tests.WebApi;

/// <summary>
/// The gate's turns: callers in place wait; an outbox step whose turn is beyond the patience is told when it comes and
/// keeps it, so coming back then it goes at once, counted once, ahead of those who asked after it.
/// </summary>
public sealed class SlackRateGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Take_StepsBeyondThePatience_KeepTheirTurnsAndGetThemBackWithoutCountingTwice()
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new SlackRateGate(clock, patience: TimeSpan.FromSeconds(2));

        var turns = new[] { "a", "b", "c", "d", "e" }.Select(step => gate.Take("chat.postMessage#C1", 1, 1, step).TotalSeconds).ToList();
        var inPlace = gate.Take("chat.postMessage#C1", 1, 1, step: null);

        Assert.Equal([0, 1, 2, 3, 4], turns);
        Assert.Equal(TimeSpan.FromSeconds(5), inPlace);

        // d and e come back when told: each goes at once, and their turns were not taken again.
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, gate.Take("chat.postMessage#C1", 1, 1, "d"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, gate.Take("chat.postMessage#C1", 1, 1, "e"));
        Assert.Equal(TimeSpan.FromSeconds(2), gate.Take("chat.postMessage#C1", 1, 1, "f"));
    }

    [Fact]
    public void Take_StepThatCalledTheSameKeyBeforeIsSentAway_KeepsATurnForEachCallItMakesAgain()
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new SlackRateGate(clock, patience: TimeSpan.FromSeconds(2));

        // A post update reads two channels' history through the one conversations.history limit: the first read goes,
        // others queue up, the second read is far off.
        Assert.Equal(TimeSpan.Zero, gate.Take("conversations.history", 1, 1, "update"));
        foreach (var other in new[] { "a", "b", "c", "d" })
        {
            gate.Take("conversations.history", 1, 1, other);
        }

        var wait = gate.Take("conversations.history", 1, 1, "update", earlierCalls: 1);
        Assert.Equal(TimeSpan.FromSeconds(6), wait);
        gate.Take("conversations.history", 1, 1, "e");

        // It comes back and reads both again: each read has its turn, so it is not sent away a second time.
        clock.Advance(wait);
        Assert.Equal(TimeSpan.Zero, gate.Take("conversations.history", 1, 1, "update"));
        Assert.Equal(TimeSpan.Zero, gate.Take("conversations.history", 1, 1, "update", earlierCalls: 1));
        Assert.Equal(TimeSpan.FromSeconds(2), gate.Take("conversations.history", 1, 1, "f"));
    }

    /// <summary>
    /// b is told to come back at 1 s and c takes the turn at 2 s. Back a moment late (0.3 of an interval), b keeps its
    /// turn; back a whole interval late (it waited behind its incident's earlier steps), sent then it would go beside c,
    /// so it queues after c instead.
    /// </summary>
    [Theory]
    [InlineData(1300, 0)]
    [InlineData(2000, 1000)]
    public void Take_StepComesBackAfterItsTurn_KeepsItOnlyWhenAMomentLate(int backAfterMs, int waitMs)
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new SlackRateGate(clock, patience: TimeSpan.Zero);
        gate.Take("k", 1, 1, "a");
        Assert.Equal(TimeSpan.FromSeconds(1), gate.Take("k", 1, 1, "b"));
        Assert.Equal(TimeSpan.FromSeconds(2), gate.Take("k", 1, 1, "c"));

        clock.Advance(TimeSpan.FromMilliseconds(backAfterMs));
        Assert.Equal(TimeSpan.FromMilliseconds(waitMs), gate.Take("k", 1, 1, "b"));
    }

    [Fact]
    public void Take_StepComesBackEarly_KeepsTheSameTurn()
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new SlackRateGate(clock, patience: TimeSpan.Zero);
        gate.Take("k", 1, 1, "a");

        Assert.Equal(TimeSpan.FromSeconds(1), gate.Take("k", 1, 1, "b"));
        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(600), gate.Take("k", 1, 1, "b"));
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.Zero, gate.Take("k", 1, 1, "b"));
    }

    [Fact]
    public void Take_KeyPausedBySlack_AKeptTurnWaitsOutThePauseToo()
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new SlackRateGate(clock, patience: TimeSpan.Zero);
        gate.Take("k", 1, 1, "a");
        gate.Take("k", 1, 1, "b");

        gate.Pause("k", T0.AddSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(29), gate.Take("k", 1, 1, "b"));
    }
}
