using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The bot reminded someone (no commander, empty role, update due, unowned actions).</summary>
public sealed record ReminderSent(string Reminder, UserRef? To, string Text) : EventData;
