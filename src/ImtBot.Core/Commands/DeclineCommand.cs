namespace ImtBot.Core.Commands;

/// <summary><c>decline</c>: decline your open page.</summary>
public sealed record DeclineCommand : Command;
