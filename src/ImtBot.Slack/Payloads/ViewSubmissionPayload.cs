namespace ImtBot.Slack.Payloads;

/// <summary>A <c>view_submission</c> interaction: a modal was submitted. <see cref="User"/> and <see cref="View"/> are always sent.</summary>
public sealed record ViewSubmissionPayload
{
    public string Type { get; init; } = "view_submission";

    public required InteractionUser User { get; init; }

    public required SubmittedView View { get; init; }

    public string? TriggerId { get; init; }

    public string? ApiAppId { get; init; }
}
