namespace ImtBot.Slack.Payloads;

/// <summary>Socket Mode <c>hello</c>: the connection is ready; <see cref="NumConnections"/> is how many the app has open.</summary>
public sealed record SocketModeHello
{
    public const string Type = "hello";

    public int? NumConnections { get; init; }
}
