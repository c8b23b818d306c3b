using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// A <c>block_actions</c> interaction: someone used an interactive element of a message (or a modal / Home tab).
/// <see cref="User"/> is always sent; the channel is <c>channel.id</c>, else <c>container.channel_id</c>.
/// </summary>
public sealed record BlockActionsPayload
{
    public string Type { get; init; } = "block_actions";

    public required InteractionUser User { get; init; }

    public ActionContainer? Container { get; init; }

    public InteractionChannel? Channel { get; init; }

    public SubmittedView? View { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public string? ApiAppId { get; init; }

    public List<BlockAction> Actions { get; init; } = [];

    public BlockState? State { get; init; }

    /// <summary>The channel the action was used in, if it was in a message.</summary>
    [JsonIgnore]
    public string? ChannelId => Channel?.Id ?? Container?.ChannelId;
}
