using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Fire <c>TimerCommand(TimerKey)</c> for this incident at DueAt (a durable outbox step with a due time).</summary>
public sealed record ScheduleTimer(string TimerKey, DateTimeOffset DueAt) : Effect;
