namespace ImtBot.Core.Commands;

/// <summary><c>status</c>.</summary>
public sealed record StatusCommand : Command;
