namespace ImtBot.Slack.WebApi;

/// <summary>
/// The call failed on the wire (reset, timeout, 5xx). <see cref="MayHaveApplied"/> is true when the request was sent,
/// so a non-idempotent call (<c>conversations.create</c>, <c>chat.postMessage</c>) may have happened: the caller must
/// reconcile before trying again, never repeat it blindly.
/// </summary>
public sealed class SlackTransportException(string method, bool mayHaveApplied, Exception? inner = null, string? detail = null)
    : Exception($"Slack {method} failed in transport{(mayHaveApplied ? " after the request was sent" : "")}: {detail ?? inner?.Message}", inner)
{
    public string Method { get; } = method;

    public bool MayHaveApplied { get; } = mayHaveApplied;
}
