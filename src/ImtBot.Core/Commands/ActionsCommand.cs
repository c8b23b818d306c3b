namespace ImtBot.Core.Commands;

/// <summary><c>actions [@user|me|overdue]</c>: the open follow-up actions across every incident.</summary>
public sealed record ActionsCommand(UserArg? Owner, bool OverdueOnly) : Command;
