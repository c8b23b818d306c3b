namespace ImtBot.Core.Commands;

/// <summary><c>list</c>: open incidents.</summary>
public sealed record ListCommand : Command;
