using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A direct message (reminders) with a snooze button where the text names a reminder.</summary>
public sealed record NotifyUser(UserRef To, string Text) : Effect;
