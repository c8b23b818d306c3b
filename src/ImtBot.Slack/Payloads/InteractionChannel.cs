namespace ImtBot.Slack.Payloads;

/// <summary>The <c>channel</c> of a <c>block_actions</c> payload from a message (absent for actions in a modal or Home tab).</summary>
public sealed record InteractionChannel
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
