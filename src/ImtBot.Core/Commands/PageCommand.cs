namespace ImtBot.Core.Commands;

/// <summary><c>page &lt;role|@user&gt; [message]</c>: exactly one of Role and User is set.</summary>
public sealed record PageCommand(string? Role, UserArg? User, string? Message) : Command;
