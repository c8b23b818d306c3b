namespace ImtBot.Slack.Payloads;

/// <summary>What a reaction was added to: for <c>type</c> <c>message</c>, its channel and ts.</summary>
public sealed record ReactionItem
{
    public string? Type { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }
}
