namespace ImtBot.Slack.WebApi;

/// <summary>
/// Slack answered <c>{"ok":false,"error":"…"}</c> (or 429 after the bounded retries): <see cref="Error"/> is Slack's code
/// (<c>name_taken</c>, <c>invalid_auth</c>, <c>ratelimited</c>…). Never carries a token.
/// </summary>
public sealed class SlackApiException(string method, string error, TimeSpan? retryAfter = null, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? "" : " (" + detail + ")")}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Set for <c>ratelimited</c>: how long Slack asked us to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
