namespace ImtBot.Slack.Payloads;

/// <summary>One of <c>authorizations</c> in an event envelope: the installation the event is delivered for.</summary>
public sealed record EventAuthorization
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool? IsBot { get; init; }
}
