namespace ImtBot.Core.Events;

/// <summary>A follow-up action item will not be done (the review meeting dropped it), with why.</summary>
public sealed record ActionCancelled(int ActionId, string? Reason) : EventData;
