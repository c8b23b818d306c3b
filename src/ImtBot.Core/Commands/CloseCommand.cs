namespace ImtBot.Core.Commands;

/// <summary><c>close</c>: writes the review.</summary>
public sealed record CloseCommand : Command;
