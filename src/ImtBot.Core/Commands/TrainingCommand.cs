namespace ImtBot.Core.Commands;

/// <summary><c>training [@user]</c>: the roles people held in drills and incidents, and who is due to practise.</summary>
public sealed record TrainingCommand(UserArg? User) : Command;
