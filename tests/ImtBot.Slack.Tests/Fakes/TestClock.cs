using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created with a finite due time, so a test can wait
/// for "the code is now waiting N seconds" before it advances the clock (no sleeping on the real clock).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly FakeTimeProvider inner = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
        {
            timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan by) => inner.Advance(by);

    public void SetUtcNow(DateTimeOffset now) => inner.SetUtcNow(now);

    /// <summary>Waits until some code starts any timer and returns its due time.</summary>
    public async Task<TimeSpan> WaitForAnyTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await timers.Reader.ReadAsync(guard.Token);
    }

    /// <summary>Waits until some code starts a timer of exactly <paramref name="dueTime"/> (a hang guard of 20 s real time fails the test).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var due = await timers.Reader.ReadAsync(guard.Token);
            if (due == dueTime)
            {
                return;
            }
        }
    }
}
