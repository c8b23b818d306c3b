using System.Net;

namespace ImtBot.Teams.Connector;

/// <summary>
/// A Bot Connector or Graph call that failed with an HTTP status (0 when the request never got an answer, or the
/// serviceUrl is not trusted). <see cref="MayHaveApplied"/> is true when a non-idempotent call may have taken effect.
/// </summary>
public sealed class ConnectorException(string message, HttpStatusCode status, string? code = null, TimeSpan? retryAfter = null, bool mayHaveApplied = false, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool MayHaveApplied { get; } = mayHaveApplied;

    /// <summary>Worth trying again later: throttling, a gateway error, or no answer at all.</summary>
    public bool IsTransient => Status is 0 && MayHaveApplied || (int)Status is 429 or 412 or 500 or 502 or 503 or 504;
}
