namespace ImtBot.Slack.Testing;

/// <summary>What the fake does to the next call of a method instead of (or after) answering normally.</summary>
public sealed record FakeFault(string Kind, string? Error = null, TimeSpan? RetryAfter = null, DateTimeOffset? RetryAt = null, TimeSpan? Delay = null)
{
    /// <summary>Drop the connection before doing anything: the call did not happen.</summary>
    public static FakeFault DropBeforeApply() => new("drop");

    /// <summary>
    /// Hold the call, answering nothing and applying nothing, until the caller goes away (its process was killed):
    /// Slack never received it. At most <paramref name="bound"/> (default 2 minutes), then the connection is dropped.
    /// </summary>
    public static FakeFault HoldUntilDropped(TimeSpan? bound = null) => new("hold", Delay: bound ?? TimeSpan.FromMinutes(2));

    /// <summary>Answer normally, but only after <paramref name="delay"/> (on the fake's clock).</summary>
    public static FakeFault Slow(TimeSpan delay) => new("slow", Delay: delay);

    public static FakeFault RateLimited(TimeSpan retryAfter) => new("429", RetryAfter: retryAfter);

    public static FakeFault RateLimitedUntil(DateTimeOffset at) => new("429", RetryAt: at);

    public static FakeFault Answer(string code) => new("error", code);

    /// <summary>Apply the call (create the channel, store the message), then drop the connection before answering.</summary>
    public static FakeFault AbortAfterApply() => new("abort-after");

    /// <summary>Answer this call normally (to reach a fault queued behind it).</summary>
    public static FakeFault Pass() => new("pass");

    public static FakeFault ServiceUnavailable() => new("503");

    /// <summary>HTTP 500 with an HTML body, as Slack's edge answers when it is down.</summary>
    public static FakeFault ServerError() => new("500");
}
