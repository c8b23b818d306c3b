namespace ImtBot.Slack.Payloads;

/// <summary>A message inside a message event (<c>message</c> / <c>previous_message</c> of a change or deletion).</summary>
public sealed record EventMessage
{
    public string? Type { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public MessageEdit? Edited { get; init; }
}
