namespace ImtBot.Core.Commands;

/// <summary><c>action assign &lt;n&gt; &lt;@user|me&gt;</c>: give follow-up action n an owner.</summary>
public sealed record ActionAssignCommand(int ActionId, UserArg Owner) : Command;
