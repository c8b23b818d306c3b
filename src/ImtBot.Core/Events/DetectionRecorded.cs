namespace ImtBot.Core.Events;

/// <summary>When the problem was detected (an alert fired, a customer called), for the review's time to detect.</summary>
public sealed record DetectionRecorded(DateTimeOffset At) : EventData;
