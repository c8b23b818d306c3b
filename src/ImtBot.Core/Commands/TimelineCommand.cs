namespace ImtBot.Core.Commands;

/// <summary><c>timeline</c>.</summary>
public sealed record TimelineCommand : Command;
