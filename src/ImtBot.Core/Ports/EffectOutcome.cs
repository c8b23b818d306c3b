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
/// says nothing about the platform's health. <see cref="Pacing"/> marks one that is no fault either: the step waits
/// its turn under the platform's rate limit, so it runs again after <see cref="RetryAfter"/> and, to keep its incident's
/// messages in order, holds the later ones back meanwhile.
/// </remarks>
public sealed record EffectOutcome(EffectOutcomeKind Kind, IReadOnlyDictionary<string, string> Links, string? Error = null, TimeSpan? RetryAfter = null, bool Deferred = false, EffectPacing Pacing = EffectPacing.None)
{
    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>();

    public static EffectOutcome Done(IReadOnlyDictionary<string, string>? links = null) => new(EffectOutcomeKind.Done, links ?? NoLinks);

    /// <summary>Try again later; <paramref name="retryAfter"/> is a floor under the dispatcher's backoff (a negative wait counts as none).</summary>
    public static EffectOutcome Retry(string error, TimeSpan? retryAfter = null) =>
        new(EffectOutcomeKind.Retry, NoLinks, error, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    /// <summary>Not due yet (no fault): run it again after <paramref name="wait"/>.</summary>
    public static EffectOutcome NotYet(string reason, TimeSpan wait) =>
        new(EffectOutcomeKind.Retry, NoLinks, reason, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Deferred: true);

    /// <summary>
    /// Its turn under the rate limit comes in <paramref name="wait"/>: run it again then. <paramref name="links"/> are
    /// what it learned so far (a message it posted before), kept so the next attempt need not look for them;
    /// <paramref name="sent"/> says whether it sent anything else that changes something (then its next attempt
    /// reconciles, as after a fault).
    /// </summary>
    public static EffectOutcome Paced(TimeSpan wait, bool sent, IReadOnlyDictionary<string, string>? links = null) =>
        new(EffectOutcomeKind.Retry, links ?? NoLinks, "waiting for its turn under the rate limit", wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Pacing: sent ? EffectPacing.AfterSending : EffectPacing.BeforeSending);

    public static EffectOutcome Failed(string error) => new(EffectOutcomeKind.Failed, NoLinks, error);
}

/// <summary>Whether a step that waits its turn under a rate limit (<see cref="EffectOutcome.Paced"/>) had sent anything.</summary>
public enum EffectPacing
{
    /// <summary>Not paced.</summary>
    None,

    /// <summary>Nothing was sent: the attempt does not count.</summary>
    BeforeSending,

    /// <summary>An earlier call of the step may have changed something: the attempt counts, and the next one reconciles.</summary>
    AfterSending,
}
