namespace ImtBot.Core.Ports;

public enum EffectOutcomeKind
{
    /// <summary>Done; <see cref="EffectOutcome.Links"/> holds external ids learned.</summary>
    Done,

    /// <summary>A transient fault: try again at RetryAt (after reconciling, if the call may have happened).</summary>
    Retry,

    /// <summary>A permanent fault (invalid_auth, channel_not_found…): dead-letter it and tell the incident channel.</summary>
    Failed,
}

public sealed record EffectOutcome(EffectOutcomeKind Kind, IReadOnlyDictionary<string, string> Links, string? Error = null, DateTimeOffset? RetryAt = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>();

    public static EffectOutcome Done(IReadOnlyDictionary<string, string>? links = null) => new(EffectOutcomeKind.Done, links ?? NoLinks);

    public static EffectOutcome Retry(string error, DateTimeOffset retryAt) => new(EffectOutcomeKind.Retry, NoLinks, error, retryAt);

    public static EffectOutcome Failed(string error) => new(EffectOutcomeKind.Failed, NoLinks, error);
}
