namespace ImtBot.Slack.Payloads;

/// <summary><c>app_mention</c>: a message that mentions the bot. <see cref="BotId"/> is set when a bot wrote it.</summary>
public sealed record AppMentionEvent
{
    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Channel { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? EventTs { get; init; }
}
