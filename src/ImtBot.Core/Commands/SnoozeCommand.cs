namespace ImtBot.Core.Commands;

/// <summary><c>snooze &lt;reminder&gt; [minutes]</c>: snooze a reminder from its card.</summary>
public sealed record SnoozeCommand(string Reminder, TimeSpan For) : Command;
