namespace ImtBot.Core.Commands;

/// <summary><c>ack</c>: acknowledge your open page.</summary>
public sealed record AckCommand : Command;
