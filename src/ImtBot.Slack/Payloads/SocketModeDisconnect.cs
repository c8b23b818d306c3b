namespace ImtBot.Slack.Payloads;

/// <summary>
/// Socket Mode <c>disconnect</c>: the socket is going away for <see cref="Reason"/> (<c>warning</c>,
/// <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c>).
/// </summary>
public sealed record SocketModeDisconnect
{
    public const string Type = "disconnect";

    public string? Reason { get; init; }
}
