namespace ImtBot.Slack.Payloads;

/// <summary><c>reaction_added</c>: <see cref="User"/> reacted with <see cref="Reaction"/> (a name such as <c>pushpin</c>) to <see cref="Item"/>.</summary>
public sealed record ReactionAddedEvent
{
    public string? User { get; init; }

    public string? Reaction { get; init; }

    public string? ItemUser { get; init; }

    public ReactionItem? Item { get; init; }

    public string? EventTs { get; init; }
}
