namespace ImtBot.Core.Commands;

/// <summary><c>action cancel &lt;n&gt; [reason]</c>: drop follow-up action n.</summary>
public sealed record ActionCancelCommand(int ActionId, string? Reason) : Command;
