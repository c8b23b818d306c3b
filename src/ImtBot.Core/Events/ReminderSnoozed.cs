using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A reminder was snoozed from its card.</summary>
public sealed record ReminderSnoozed(string Reminder, DateTimeOffset Until) : EventData;
