namespace ImtBot.Slack.Payloads;

/// <summary><c>message</c> with subtype <c>message_deleted</c>: <see cref="DeletedTs"/> names the message; <see cref="PreviousMessage"/> is what it said.</summary>
public sealed record MessageDeletedEvent
{
    public const string Subtype = "message_deleted";

    public string? Channel { get; init; }

    public string? DeletedTs { get; init; }

    public EventMessage? PreviousMessage { get; init; }

    public string? Ts { get; init; }

    public string? EventTs { get; init; }
}
