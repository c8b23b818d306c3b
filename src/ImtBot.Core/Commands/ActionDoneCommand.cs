namespace ImtBot.Core.Commands;

/// <summary><c>action done &lt;n&gt;</c>: mark follow-up action n done.</summary>
public sealed record ActionDoneCommand(int ActionId) : Command;
