namespace ImtBot.Slack.Payloads;

/// <summary>Where a <c>block_actions</c> element sits: <c>type</c> <c>message</c> (with channel and ts) or <c>view</c>.</summary>
public sealed record ActionContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public string? ViewId { get; init; }

    public bool? IsEphemeral { get; init; }
}
