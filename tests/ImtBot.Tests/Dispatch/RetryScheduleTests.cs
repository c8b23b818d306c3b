using ImtBot.Dispatch;

namespace ImtBot.Tests.Dispatch;

/// <summary>The dispatcher's one retry schedule: doubling backoff with a cap and jitter; a platform's Retry-After is a floor.</summary>
public class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static RetrySchedule Schedule(double jitter = 0) =>
        new(new DispatcherOptions { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(5) }, () => jitter);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(9, 300)]
    [InlineData(50, 300)]
    public void Backoff_DoublesPerAttemptUpToMaxBackoff(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule().Backoff(attempt));

    [Fact]
    public void Backoff_JitterAddsAtMostAFifth() =>
        Assert.Equal(TimeSpan.FromSeconds(4 * 1.2), Schedule(jitter: 1).Backoff(2));

    [Fact]
    public void Next_RetryAfterLongerThanTheBackoff_IsTheFloor() =>
        Assert.Equal(Now + TimeSpan.FromSeconds(30), Schedule().Next(Now, 1, TimeSpan.FromSeconds(30)));

    [Fact]
    public void Next_RetryAfterShorterThanTheBackoff_BackoffWins() =>
        Assert.Equal(Now + TimeSpan.FromSeconds(16), Schedule().Next(Now, 4, TimeSpan.FromSeconds(1)));

    [Fact]
    public void Next_RetryAfterBeyondMaxBackoff_IsStillHonoured() =>
        Assert.Equal(Now + TimeSpan.FromDays(7), Schedule().Next(Now, 1, TimeSpan.FromDays(7)));
}
