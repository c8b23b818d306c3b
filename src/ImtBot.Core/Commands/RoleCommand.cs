namespace ImtBot.Core.Commands;

/// <summary><c>role &lt;role&gt; &lt;@user|me&gt;</c>; <c>lead</c> is <c>role commander me</c>.</summary>
public sealed record RoleCommand(string Role, UserArg User) : Command;
