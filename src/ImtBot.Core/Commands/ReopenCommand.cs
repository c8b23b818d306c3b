namespace ImtBot.Core.Commands;

/// <summary><c>reopen [reason]</c>.</summary>
public sealed record ReopenCommand(string? Reason) : Command;
