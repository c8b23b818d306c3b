namespace ImtBot.Slack.Payloads;

/// <summary>The <c>edited</c> stamp of a changed message: who edited it and when (a Slack ts).</summary>
public sealed record MessageEdit
{
    public string? User { get; init; }

    public string? Ts { get; init; }
}
