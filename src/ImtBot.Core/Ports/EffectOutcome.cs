namespace ImtBot.Core.Ports;

public enum EffectOutcomeKind
{
    /// <summary>Done; <see cref="EffectOutcome.Links"/> holds external ids learned.</summary>
    Done,

    /// <summary>
    /// A transient fault, or a step that is not due yet: the dispatcher tries it again later (after reconciling, if the
    /// call may have happened). When is the dispatcher's decision, never sooner than <see cref="EffectOutcome.RetryAfter"/>.
    /// </summary>
    Retry,

    /// <summary>A permanent fault (invalid_auth, channel_not_found…): dead-letter it and tell the incident channel.</summary>
    Failed,
}

/// <summary>
/// What running one outbox step came to. A platform never schedules the next attempt itself: it reports
/// <see cref="EffectOutcomeKind.Retry"/> with, at most, the least wait it was asked for (<see cref="RetryAfter"/>: a
/// <c>Retry-After</c> header, or the time until a deferred step falls due), and the dispatcher's one retry schedule
/// decides when (docs/reliability.md §Retries).
/// </summary>
/// <remarks>
/// <see cref="Deferred"/> marks a <see cref="EffectOutcomeKind.Retry"/> that is no fault at all (an archive days
/// after close): it runs again exactly after <see cref="RetryAfter"/>, holds no later step back, never gives up, and
/// says nothing about the platform's health.
/// </remarks>
public sealed record EffectOutcome(EffectOutcomeKind Kind, IReadOnlyDictionary<string, string> Links, string? Error = null, TimeSpan? RetryAfter = null, bool Deferred = false)
{
    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>();

    public static EffectOutcome Done(IReadOnlyDictionary<string, string>? links = null) => new(EffectOutcomeKind.Done, links ?? NoLinks);

    /// <summary>Try again later; <paramref name="retryAfter"/> is a floor under the dispatcher's backoff (a negative wait counts as none).</summary>
    public static EffectOutcome Retry(string error, TimeSpan? retryAfter = null) =>
        new(EffectOutcomeKind.Retry, NoLinks, error, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    /// <summary>Not due yet (no fault): run it again after <paramref name="wait"/>.</summary>
    public static EffectOutcome NotYet(string reason, TimeSpan wait) =>
        new(EffectOutcomeKind.Retry, NoLinks, reason, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Deferred: true);

    public static EffectOutcome Failed(string error) => new(EffectOutcomeKind.Failed, NoLinks, error);
}
