namespace ImtBot.Core.Reviews;

/// <summary>A stretch of active time without a stakeholder update, against the tightest cadence in force during it (null: none required).</summary>
public sealed record UpdateGap(DateTimeOffset From, DateTimeOffset To, TimeSpan? Cadence)
{
    public TimeSpan Length => To - From;

    public bool Late => Cadence is { } c && Length > c;
}
