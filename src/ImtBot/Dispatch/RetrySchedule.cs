namespace ImtBot.Dispatch;

/// <summary>
/// The one place that decides when a failed outbox step is tried again (docs/reliability.md §Retries): exponential
/// backoff from <see cref="DispatcherOptions.InitialBackoff"/>, doubled per attempt up to
/// <see cref="DispatcherOptions.MaxBackoff"/>, plus up to 20 % jitter so steps that failed together do not return
/// together; a platform's <c>RetryAfter</c> is a floor, never shortened.
/// </summary>
internal sealed class RetrySchedule(DispatcherOptions options, Func<double>? random = null)
{
    private const double Jitter = 0.2;

    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>When to try again a step that just failed its <paramref name="attempt"/>-th attempt (1-based).</summary>
    public DateTimeOffset Next(DateTimeOffset now, int attempt, TimeSpan? retryAfter = null)
    {
        var delay = Backoff(attempt);
        return now + (retryAfter is { } floor && floor > delay ? floor : delay);
    }

    /// <summary>The delay after the <paramref name="attempt"/>-th attempt, before the platform's floor.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.InitialBackoff.Ticks * factor, options.MaxBackoff.Ticks));
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * Jitter * _random()));
    }
}
