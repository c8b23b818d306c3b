namespace ImtBot.Core.Commands;

/// <summary>Fired by a due timer step (never typed): page deadlines, reminders. The key is the one the domain scheduled.</summary>
public sealed record TimerCommand(string TimerKey) : Command;
