namespace ImtBot.Slack.Payloads;

/// <summary><c>message</c> with subtype <c>message_changed</c>: <see cref="Message"/> is the message as it is now.</summary>
public sealed record MessageChangedEvent
{
    public const string Subtype = "message_changed";

    public string? Channel { get; init; }

    public EventMessage? Message { get; init; }

    public EventMessage? PreviousMessage { get; init; }

    public string? Ts { get; init; }

    public string? EventTs { get; init; }
}
