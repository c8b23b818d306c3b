using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>A follow-up action item and its status.</summary>
public sealed record ReviewAction(int Id, string Text, UserRef? Owner, DateOnly? Due, DateTimeOffset AddedAt, DateTimeOffset? DoneAt)
{
    public bool Done => DoneAt is not null;

    /// <summary>When it was dropped without being done, and why.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    public string? CancelReason { get; init; }
}
