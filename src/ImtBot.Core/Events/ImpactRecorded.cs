namespace ImtBot.Core.Events;

/// <summary>When the impact began (often before the declaration), with what it was, for the review.</summary>
public sealed record ImpactRecorded(DateTimeOffset Began, string? Description) : EventData;
