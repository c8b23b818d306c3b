namespace ImtBot.Core.Commands;

/// <summary><c>help [verb]</c>.</summary>
public sealed record HelpCommand(string? Topic) : Command;
