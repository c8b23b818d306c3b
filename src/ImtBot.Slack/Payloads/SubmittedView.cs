namespace ImtBot.Slack.Payloads;

/// <summary>The <c>view</c> of a <c>view_submission</c> (or the modal a <c>block_actions</c> came from).</summary>
public sealed record SubmittedView
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? Hash { get; init; }

    public BlockState? State { get; init; }
}
