using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed record ActionItem(int Id, string Text, UserRef? Owner, DateOnly? Due, DateTimeOffset CreatedAt, UserRef CreatedBy, bool Done, DateTimeOffset? DoneAt)
{
    /// <summary>When it was cancelled (dropped without being done), if it was.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>Neither done nor cancelled.</summary>
    public bool IsOpen => !Done && CancelledAt is null;
}
