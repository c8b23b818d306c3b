namespace ImtBot.Slack.Payloads;

/// <summary>
/// The <c>type</c> (and, for <c>message</c> events, the <c>subtype</c>) every Slack payload carries: read first to
/// choose the record to read the rest into.
/// </summary>
public sealed record PayloadType
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }
}
